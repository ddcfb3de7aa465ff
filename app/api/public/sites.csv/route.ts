import { cacheableCsv, toHxlCsv } from "@/lib/export/hxl";
import { getPublicGraveSites } from "@/lib/public/sites";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** The grave sites as HXL-tagged CSV: the same aggregates as sites.geojson, no personal data. */
export async function GET(request: Request) {
  const sites = await getPublicGraveSites(await getDb());
  return cacheableCsv(request, toHxlCsv(sites), "tarhuna-grave-sites.csv");
}
