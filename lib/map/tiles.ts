import { environment, type Environment } from "@/lib/env";
/** Where the map's background tiles come from, or null when the map draws only its vector outline. */
export interface MapTiles {
  url: string;
  attribution: string;
}

export const DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
export const DEFAULT_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/**
 * MAP_TILE_URL (a Leaflet URL template) and MAP_TILE_ATTRIBUTION choose the tile server; "none"
 * turns tiles off, for an offline deployment or one whose operators may not call a third party.
 */
export function readMapTiles(settings: Pick<Environment, "MAP_TILE_URL" | "MAP_TILE_ATTRIBUTION"> = environment()): MapTiles | null {
  const url = settings.MAP_TILE_URL?.trim() || DEFAULT_TILE_URL;
  if (url.toLowerCase() === "none") return null;
  const attribution =
    settings.MAP_TILE_ATTRIBUTION?.trim() || (url === DEFAULT_TILE_URL ? DEFAULT_TILE_ATTRIBUTION : "");
  return { url, attribution };
}

/**
 * The CSP img-src entry that lets the browser fetch the tiles: the template's origin, with a
 * wildcard where Leaflet picks a subdomain ({s}.tile.example.org). A malformed URL allows nothing.
 */
export function tileImageSource(tiles: MapTiles | null): string | null {
  if (!tiles) return null;
  const wildcardTemplate = tiles.url.replace(/\{s\}/g, "subdomain-placeholder");
  if (!URL.canParse(wildcardTemplate)) return null;
  const { protocol, host } = new URL(wildcardTemplate);
  if (protocol !== "https:" && protocol !== "http:") return null;
  return `${protocol}//${host.replace("subdomain-placeholder", "*")}`;
}
