import { readPersonSearch } from "@/lib/people/people-reads";
import { authoriseRoute, privateJson } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** Search-as-you-type for the police report form: the same ranked search as the staff search page. */
export async function GET(request: Request) {
  const authorised = await authoriseRoute(request, "people.read");
  if ("response" in authorised) return authorised.response;
  const query = new URL(request.url).searchParams.get("q") ?? "";
  const results = await readPersonSearch(authorised.read, await getDb(), query, 10);
  return privateJson({ results });
}
