import type { Feature, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries from "world-atlas/countries-50m.json";
import { roundPosition, simplifyLine, type Position } from "./simplify";

/** Libya's polygons as [longitude, latitude] rings: the map's fallback when no tiles load. */
export interface CountryOutline {
  name: string;
  polygons: Position[][][];
  /** [[south, west], [north, east]], as Leaflet's fitBounds takes them. */
  bounds: [[number, number], [number, number]];
}

/** Natural Earth's name for the country, as world-atlas carries it. */
const COUNTRY_NAME = "Libya";
/** About 500 m: the coast keeps its shape down to the town's zoom, and the outline stays under 10 kB. */
const TOLERANCE_DEGREES = 0.005;

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) =>
    rings.map((ring) =>
      simplifyLine(
        ring.map(([longitude = 0, latitude = 0]) => [longitude, latitude] as Position),
        TOLERANCE_DEGREES,
      ).map((position) => roundPosition(position)),
    ),
  );
}

function boundsOf(polygons: Position[][][]): CountryOutline["bounds"] {
  const positions = polygons.flat(2);
  const longitudes = positions.map(([longitude]) => longitude);
  const latitudes = positions.map(([, latitude]) => latitude);
  return [
    [Math.min(...latitudes), Math.min(...longitudes)],
    [Math.max(...latitudes), Math.max(...longitudes)],
  ];
}

function extractLibya(): CountryOutline {
  // world-atlas ships plain JSON; its shape is the TopoJSON specification's.
  const topology = countries as unknown as Topology<{ countries: GeometryCollection<{ name?: string }> }>;
  const geometry = topology.objects.countries.geometries.find(
    (entry) => entry.properties && "name" in entry.properties && entry.properties.name === COUNTRY_NAME,
  );
  if (!geometry) throw new Error(`world-atlas has no country named ${COUNTRY_NAME}`);
  // One country's geometry converts to one Feature (only a GeometryCollection gives a FeatureCollection).
  const shape = (feature(topology, geometry) as Feature).geometry;
  if (shape.type !== "Polygon" && shape.type !== "MultiPolygon") {
    throw new Error(`${COUNTRY_NAME} is a ${shape.type} in world-atlas, not a polygon`);
  }
  const polygons = polygonsOf(shape);
  return { name: COUNTRY_NAME, polygons, bounds: boundsOf(polygons) };
}

let libyaOutline: CountryOutline | undefined;

/** Computed once per process from the bundled atlas: the same for every request, and never stale. */
export function getLibyaOutline(): CountryOutline {
  libyaOutline ??= extractLibya();
  return libyaOutline;
}
