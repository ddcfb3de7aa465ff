import { getLibyaOutline } from "@/lib/map/libya-outline";
import { readMapTiles } from "@/lib/map/tiles";

/** What a location map needs from the server: the country outline (its offline fallback) and tiles. */
export function getMapSetting() {
  return { outline: getLibyaOutline(), tiles: readMapTiles() };
}
