import type L from "leaflet";

/** Leaflet's own credit, without the flag it shows by default. */
export const LEAFLET_PREFIX = '<a href="https://leafletjs.com" title="Leaflet">Leaflet</a>';

/**
 * The registry's offline basemap (offline-basemap.ts) for a map, its code in a chunk of its own:
 * protomaps-leaflet and pmtiles are a sixth of the map's JavaScript (~36 kB gzip), and a map whose
 * tile server answers never shows the basemap, which lies beneath the tiles. `now()` fetches and
 * adds it: the map calls it when a tile fails to load or when no tile server is set, so that the
 * basemap is there wherever the tiles are not. Nothing is added to a map removed meanwhile.
 */
export function offlineBasemapOnDemand(map: L.Map, options: { locale: "ar" | "en"; pane: string; omitLabel?: number; onLoaded: () => void }): { now(): void } {
  let started = false;
  let removed = false;
  map.once("unload", () => (removed = true));
  return {
    now() {
      if (started || removed) return;
      started = true;
      void import("./offline-basemap").then(({ offlineBasemapLayer }) => {
        if (removed) return;
        offlineBasemapLayer(options.locale, options.pane, options.omitLabel).once("load", options.onLoaded).addTo(map);
      });
    },
  };
}
