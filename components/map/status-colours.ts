import type { PublicGraveSite } from "@/lib/public/sites";

export type GraveSiteStatus = PublicGraveSite["status"];

export const GRAVE_SITE_STATUSES: readonly GraveSiteStatus[] = ["reported", "surveyed", "excavating", "exhumed", "closed"];

/**
 * One colour per stage of a site's work, each dark enough for white figures on it (contrast of
 * 4.5:1 or more); the legend and the table beside the map say the same in words.
 */
export const STATUS_COLOURS: Record<GraveSiteStatus, string> = {
  reported: "#57534e",
  surveyed: "#1d4ed8",
  excavating: "#a1440b",
  exhumed: "#6d28d9",
  closed: "#1d4f4a",
};
