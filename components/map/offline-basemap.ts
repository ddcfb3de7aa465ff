import L from "leaflet";
import { PMTiles, type RangeResponse, type Source } from "pmtiles";
import { CircleSymbolizer, LineSymbolizer, OffsetTextSymbolizer, PolygonSymbolizer, leafletLayer } from "protomaps-leaflet";
import { OFFLINE_BASEMAP_ATTRIBUTION, OFFLINE_BASEMAP_URL } from "@/lib/map/offline-basemap";

/** The file's last zoom: beyond it the renderer enlarges these tiles. */
const BASEMAP_MAX_DATA_ZOOM = 10;

/** The outline's land colour (leaflet-layers.ts): no seam where the archive's area ends. */
const LAND = "#f5f0e6";
/** At the country's zoom only the larger towns are named, so that the names do not pile up. */
const SMALL_TOWN_ZOOM = 7;
const LARGER_TOWN_POPULATION = 100_000;
const BORDER = "#8a817c";
const TOWN = "#44403c";

/**
 * The archive is a few tens of kilobytes: fetched whole, once, then read from memory. Byte-range
 * requests would each be a round trip on a poor connection and depend on the server honouring them.
 */
class WholeFileSource implements Source {
  private bytes: Promise<ArrayBuffer> | undefined;

  constructor(private readonly url: string) {}

  getKey(): string {
    return this.url;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.bytes ??= fetch(this.url).then((response) => {
      if (!response.ok) throw new Error(`${this.url}: ${response.status}`);
      return response.arrayBuffer();
    });
    const bytes = await this.bytes;
    return { data: bytes.slice(offset, offset + length) };
  }
}

/**
 * The offline basemap (lib/map/offline-basemap.ts) as a Leaflet layer, to lie beneath the tile
 * server's tiles and show wherever they do not load.
 * Town names in the page's language: Arabic from the archive's name_ar, English from GeoNames'
 * name. `omitLabel` leaves out a town that the map labels itself.
 */
export function offlineBasemapLayer(locale: "ar" | "en", pane: string, omitLabel?: number): L.GridLayer {
  // protomaps-leaflet extends the global L; Leaflet sets it when loaded, this makes sure.
  (window as unknown as { L?: typeof L }).L ??= L;
  const nameProperties = locale === "ar" ? ["name_ar", "name"] : ["name"];
  const layer = leafletLayer({
    url: new PMTiles(new WholeFileSource(OFFLINE_BASEMAP_URL)),
    pane,
    maxDataZoom: BASEMAP_MAX_DATA_ZOOM,
    // No background: the sea is the map box's own colour, and beyond the archive's area and zooms
    // the country's outline beneath stays in view.
    attribution: OFFLINE_BASEMAP_ATTRIBUTION,
    lang: locale,
    paintRules: [
      { dataLayer: "land", symbolizer: new PolygonSymbolizer({ fill: LAND }) },
      { dataLayer: "borders", symbolizer: new LineSymbolizer({ color: BORDER, width: 1.5, dash: [4, 3] }) },
      { dataLayer: "places", symbolizer: new CircleSymbolizer({ radius: 3, fill: TOWN, stroke: "white", width: 1 }) },
    ],
    labelRules: [
      {
        dataLayer: "places",
        symbolizer: new OffsetTextSymbolizer({
          labelProps: nameProperties,
          fill: TOWN,
          stroke: "white",
          width: 3,
          fontFamily: "'Noto Sans Arabic UI', 'Noto Sans Arabic', system-ui, sans-serif",
          fontSize: (zoom: number) => (zoom >= 9 ? 14 : 12),
          fontWeight: 600,
          offsetX: 5,
          offsetY: 5,
        }),
        filter: (zoom: number, feature: { props: Record<string, unknown> }) =>
          feature.props.geonameid !== omitLabel && (zoom >= SMALL_TOWN_ZOOM || Number(feature.props.population) >= LARGER_TOWN_POPULATION),
        // The larger towns first, so that at a wide zoom the small ones give way to them.
        sort: (a: Record<string, unknown>, b: Record<string, unknown>) => Number(b.population ?? 0) - Number(a.population ?? 0),
      },
    ],
  });
  return layer as unknown as L.GridLayer;
}
