import { getPublicGraveSites, toGeoJson } from "@/lib/public/sites";
import { cacheableJson } from "@/lib/server/public-response";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const sites = await getPublicGraveSites(await getDb());
  return cacheableJson(request, toGeoJson(sites), "application/geo+json");
}
