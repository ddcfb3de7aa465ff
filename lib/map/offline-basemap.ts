/**
 * The offline basemap's archive (scripts/map/build-offline-basemap.mjs): land, borders and towns
 * of north-western Libya as vector tiles in one small PMTiles file in public/, served by the
 * registry itself so that a map has context with no tile server in reach.
 */
export const OFFLINE_BASEMAP_URL = "/tarhuna-basemap.pmtiles";
export const OFFLINE_BASEMAP_ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a>, <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';
/** GeoNames' id for Tarhuna: the public map labels the town itself (leaflet-layers.ts, tarhunaLabel). */
export const TARHUNA_GEONAME_ID = 2210221;
