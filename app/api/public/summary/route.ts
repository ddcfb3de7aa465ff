import { offerRegistryStateToFrontServer } from "@/lib/public/front-cache";
import { getPublicSummary } from "@/lib/public/summary";
import { cacheableJson } from "@/lib/server/public-response";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const db = await getDb();
  offerRegistryStateToFrontServer(db);
  return cacheableJson(request, await getPublicSummary(db));
}
