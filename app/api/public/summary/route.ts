import { getPublicSummary } from "@/lib/public/summary";
import { cacheableJson } from "@/lib/server/public-response";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return cacheableJson(request, await getPublicSummary(await getDb()));
}
