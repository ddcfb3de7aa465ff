import { readPersonSearch } from "@/lib/people/people-reads";
import { authoriseRoute, privateJson } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/** The longest query read from the body: a name with its father's, grandfather's and family name fits many times over. */
const LONGEST_QUERY = 200;

/**
 * Search-as-you-type for the police report form: the same ranked search as the staff search page.
 * The query comes in a POST body (JSON `{ q }`), never in the address, where the proxy would log it.
 */
export async function POST(request: Request) {
  const authorised = await authoriseRoute(request, "people.read");
  if ("response" in authorised) return authorised.response;
  const body: unknown = await request.json().catch(() => null);
  const q = typeof body === "object" && body !== null ? (body as { q?: unknown }).q : undefined;
  const query = typeof q === "string" ? q.slice(0, LONGEST_QUERY) : "";
  const results = await readPersonSearch(authorised.read, await getDb(), query, 10);
  return privateJson({ results });
}
