import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PersonResults } from "@/components/people/person-results";
import { SearchBox } from "@/components/people/search-box";
import { recordPageRead } from "@/lib/audit/record-read";
import { requirePageRead } from "@/lib/auth/page-guard";
import { readPersonSearch } from "@/lib/people/people-reads";
import { openSearch } from "@/lib/people/search-token";
import { getDb } from "@/lib/server/database";
import { withIsolatedValues } from "@/components/layout/ltr-text";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface SearchPageProps {
  params: Promise<{ locale: Locale }>;
  /** `s`: the query sealed by the search box's POST (app/api/staff/search); never the query itself. */
  searchParams: Promise<{ s?: string | string[] }>;
}

async function SearchPage({ params, searchParams }: SearchPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const { s } = await searchParams;
  const token = Array.isArray(s) ? s[0] : s;
  const opened = token ? openSearch(token, session.userId) : null;
  const expired = Boolean(token) && opened === null;
  const query = opened?.trim() ?? "";
  const [t, results] = await Promise.all([getTranslations("People"), getDb().then((db) => readPersonSearch(read, db, query, 50))]);
  // One entry for the page: the missing persons whose names it lists.
  await recordPageRead(session, "missing_person", results.map((person) => person.id));
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("searchTitle")}</h1>
      <SearchBox locale={locale} query={query} />
      {expired && <p role="status">{t("searchExpired")}</p>}
      {query !== "" && <h2 className="text-lg font-medium">{withIsolatedValues((values) => t("searchResultsFor", values), { query }, (value) => <bdi className="whitespace-nowrap">{value}</bdi>)}</h2>}
      {query !== "" && results.length === 0 && <p>{t("searchNoResults", { query })}</p>}
      {results.length > 0 && <PersonResults results={results} />}
    </section>
  );
}

export default withStaffPageMessages("/staff/search", SearchPage);
