import type { CountryOutline } from "@/lib/map/libya-outline";
import type { MapTiles } from "@/lib/map/tiles";

export interface LocationMapProps {
  latitude: number | null;
  longitude: number | null;
  /** Absent on a read-only map (a site's detail page). */
  onPick?: (latitude: number, longitude: number) => void;
  outline: CountryOutline;
  tiles: MapTiles | null;
  labels: { map: string; offline: string };
  /** The language of the offline basemap's town names. */
  locale: "ar" | "en";
}
