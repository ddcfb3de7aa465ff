import http from "node:http";
import type { AddressInfo } from "node:net";

/** One light grey pixel as PNG: Leaflet draws every tile at 256 px whatever the image's own size. */
const TILE = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==", "base64");

/**
 * A tile server within reach, as a deployed registry has one (MAP_TILE_URL): the public map's own
 * JavaScript is then measured for the usual case, where the tiles load and the offline basemap's code
 * (fetched only when a tile fails, components/map/deferred-basemap.ts) is not needed. Without it,
 * every tile of the default server fails on a machine with no internet, as on the test machines.
 */
export async function startTileServer(): Promise<{ template: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "image/png", "content-length": TILE.length, "cache-control": "max-age=86400" });
    response.end(TILE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
