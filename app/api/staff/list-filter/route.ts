import { POLICE_REPORT_CATEGORIES } from "@/lib/enum-values";
import { formText, portalLocale, seeOther } from "@/lib/family-portal/portal-request";
import { sealedListSearch } from "@/lib/lists/sealed-filter";
import { authoriseRoute } from "@/lib/people/route-guard";

export const dynamic = "force-dynamic";

/** The staff lists whose filter form posts here, and the coded filters each keeps in clear. */
const LISTS = {
  families: { codes: {} },
  reports: { codes: { category: POLICE_REPORT_CATEGORIES } },
} as const satisfies Record<string, { codes: Record<string, readonly string[]> }>;

/**
 * A staff list's filter form posts here (a plain HTML form: it works without JavaScript). The free
 * text, which may be a person's name, is sealed into `s` (lib/lists/sealed-filter.ts) before the
 * browser is sent on (303) to the list, so no name lands in an address, the browser's history or
 * the proxy's access log; coded filters (a report category) stay readable.
 */
export async function POST(request: Request) {
  const authorised = await authoriseRoute(request, "people.read");
  if ("response" in authorised) return authorised.response;
  const form = await request.formData().catch(() => null);
  const locale = portalLocale(formText(form, "locale"));
  const listName = formText(form, "list");
  if (!Object.hasOwn(LISTS, listName)) return seeOther(`/${locale}/staff`);
  const list = LISTS[listName as keyof typeof LISTS];
  const address = new URLSearchParams(sealedListSearch(formText(form, "q"), authorised.session.userId));
  for (const [name, values] of Object.entries(list.codes) as [string, readonly string[]][]) {
    const value = formText(form, name);
    if (values.includes(value)) address.set(name, value);
  }
  const query = address.toString();
  return seeOther(`/${locale}/staff/${listName}${query ? `?${query}` : ""}`);
}
