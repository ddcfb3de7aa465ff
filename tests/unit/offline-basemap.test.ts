import fs from "node:fs";
import path from "node:path";
import { VectorTile } from "@mapbox/vector-tile";
import Pbf from "pbf";
import { PMTiles, type RangeResponse, type Source } from "pmtiles";
import { describe, expect, test } from "vitest";
import { OFFLINE_BASEMAP_URL } from "@/lib/map/offline-basemap";
import { TARHUNA } from "@/lib/map/places";

const archivePath = path.join(process.cwd(), "public", OFFLINE_BASEMAP_URL);
/** Small enough to fetch whole on a poor connection. */
const MAX_ARCHIVE_BYTES = 100_000;

class FileBytes implements Source {
  constructor(private readonly bytes: Buffer) {}
  getKey(): string {
    return archivePath;
  }
  getBytes(offset: number, length: number): Promise<RangeResponse> {
    return Promise.resolve({ data: Uint8Array.from(this.bytes.subarray(offset, offset + length)).buffer });
  }
}

function tileOf(longitude: number, latitude: number, zoom: number): { z: number; x: number; y: number } {
  const radians = (latitude * Math.PI) / 180;
  return {
    z: zoom,
    x: Math.floor(((longitude + 180) / 360) * 2 ** zoom),
    y: Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * 2 ** zoom),
  };
}

async function layersAt(archive: PMTiles, longitude: number, latitude: number, zoom: number) {
  const { z, x, y } = tileOf(longitude, latitude, zoom);
  const tile = await archive.getZxy(z, x, y);
  if (!tile) return new Map<string, Array<Record<string, unknown>>>();
  const vectorTile = new VectorTile(new Pbf(new Uint8Array(tile.data)));
  return new Map(Object.entries(vectorTile.layers).map(([name, layer]) => [name, Array.from({ length: layer.length }, (_, index) => layer.feature(index).properties)]));
}

describe("the offline basemap (public/tarhuna-basemap.pmtiles)", () => {
  const bytes = fs.readFileSync(archivePath);
  const archive = new PMTiles(new FileBytes(bytes));

  test("is a small PMTiles archive of vector tiles around Tarhuna, with its sources credited", async () => {
    expect(bytes.length).toBeLessThan(MAX_ARCHIVE_BYTES);
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(1);
    expect(header.minLon).toBeLessThan(TARHUNA.longitude);
    expect(header.maxLon).toBeGreaterThan(TARHUNA.longitude);
    expect(header.minLat).toBeLessThan(TARHUNA.latitude);
    expect(header.maxLat).toBeGreaterThan(TARHUNA.latitude);
    const metadata = (await archive.getMetadata()) as { attribution: string };
    expect(metadata.attribution).toContain("Natural Earth");
    expect(metadata.attribution).toContain("GeoNames (CC BY 4.0)");
  });

  test("names Tarhuna in Arabic and English on land at the town's zoom and the country's", async () => {
    for (const zoom of [6, 10]) {
      const layers = await layersAt(archive, TARHUNA.longitude, TARHUNA.latitude, zoom);
      expect(layers.get("land")?.length, `land at zoom ${zoom}`).toBeGreaterThan(0);
      expect(layers.get("places"), `places at zoom ${zoom}`).toContainEqual(expect.objectContaining({ name: "Tarhuna", name_ar: "ترهونة" }));
    }
  });

  test("every town has an Arabic name in Arabic letters", async () => {
    const layers = await layersAt(archive, TARHUNA.longitude, TARHUNA.latitude, 5);
    const places = layers.get("places") ?? [];
    expect(places.length).toBeGreaterThan(10);
    for (const place of places) expect(String(place.name_ar), String(place.name)).toMatch(/^[\u0600-\u06ff ]+$/);
  });

  test("has no tile for the open sea, north of the coast", async () => {
    expect((await layersAt(archive, 13.6, 33.5, 10)).size).toBe(0);
  });
});
