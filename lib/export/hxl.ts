import { createHash } from "node:crypto";
import Papa from "papaparse";
import type { PublicGraveSite } from "@/lib/public/sites";
import { neutraliseFormula } from "./columns";

/** Column header, HXL hashtag (https://hxlstandard.org) and value: the same data as sites.geojson. */
const HXL_COLUMNS: readonly { header: string; hashtag: string; value: (site: PublicGraveSite) => string | number }[] = [
  { header: "code", hashtag: "#loc+code", value: (site) => site.code },
  { header: "name_ar", hashtag: "#loc+name+i_ar", value: (site) => site.nameAr },
  { header: "name_en", hashtag: "#loc+name+i_en", value: (site) => site.nameEn },
  { header: "status", hashtag: "#status", value: (site) => site.status },
  { header: "latitude", hashtag: "#geo+lat", value: (site) => site.latitude },
  { header: "longitude", hashtag: "#geo+lon", value: (site) => site.longitude },
  { header: "bodies_recovered", hashtag: "#affected+killed+recovered", value: (site) => site.bodiesRecovered },
  { header: "identified", hashtag: "#affected+killed+identified", value: (site) => site.identified },
];

/** HXL-tagged CSV for humanitarian data platforms: a header row, the hashtag row, then one row per site. */
export function toHxlCsv(sites: readonly PublicGraveSite[]): string {
  const rows = [
    HXL_COLUMNS.map((column) => column.header),
    HXL_COLUMNS.map((column) => column.hashtag),
    ...sites.map((site) => HXL_COLUMNS.map((column) => neutraliseFormula(column.value(site)))),
  ];
  return `${Papa.unparse(rows, { newline: "\r\n" })}\r\n`;
}

/** Cacheable like the other public aggregates: revalidated every time, 304 while nothing changed. */
export function cacheableCsv(request: Request, text: string, fileName: string): Response {
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Cache-Control": "public, no-cache",
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `inline; filename="${fileName}"`,
    ETag: etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}
