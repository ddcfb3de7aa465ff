import type { CountryOutline } from "@/lib/map/libya-outline";
import type { MapTiles } from "@/lib/map/tiles";
import type { PublicGraveSite } from "@/lib/public/sites";

/** The words the map needs, translated on the server so that the client bundle carries no catalogue. */
export interface SiteMapLabels {
  region: string;
  tarhuna: string;
  zoomIn: string;
  zoomOut: string;
  tilesUnavailable: string;
  statuses: Record<PublicGraveSite["status"], string>;
  /** "{recovered, plural, …} bodies recovered, {identified} identified", filled per marker (fillTemplate). */
  siteCounts: string;
  /** "{sites} grave sites close together: …" with {sites}, {recovered}, {identified} left in. */
  clusterCounts: string;
  bodiesRecovered: string;
  identified: string;
  status: string;
}

export interface SiteMapProps {
  sites: PublicGraveSite[];
  outline: CountryOutline;
  tiles: MapTiles | null;
  labels: SiteMapLabels;
  locale: "ar" | "en";
}
