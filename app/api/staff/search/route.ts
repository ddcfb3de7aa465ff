import { formText, portalLocale, seeOther } from "@/lib/family-portal/portal-request";
import { authoriseRoute } from "@/lib/people/route-guard";
import { sealSearch } from "@/lib/people/search-token";

export const dynamic = "force-dynamic";

/**
 * The staff search box posts here (a plain HTML form: it works without JavaScript). The query stays
 * in the body: the answer sends the browser on (303, so a reload never posts again) to the results
 * page with the query sealed into an opaque token (lib/people/search-token.ts), so no name is ever in
 * an address, the browser's history or the proxy's access log.
 */
export async function POST(request: Request) {
  const authorised = await authoriseRoute(request, "people.read");
  if ("response" in authorised) return authorised.response;
  const form = await request.formData().catch(() => null);
  const locale = portalLocale(formText(form, "locale"));
  const query = formText(form, "q").trim();
  if (query === "") return seeOther(`/${locale}/staff/search`);
  return seeOther(`/${locale}/staff/search?s=${sealSearch(query, authorised.session.userId)}`);
}
