import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PersonResults } from "@/components/people/person-results";
import { SearchBox } from "@/components/people/search-box";
import { recordPageRead } from "@/lib/audit/record-read";
import { requirePageRead } from "@/lib/auth/page-guard";
import { readPersonSearch } from "@/lib/people/people-reads";
import { getDb } from "@/lib/server/database";
import { withIsolatedValues } from "@/components/layout/ltr-text";

interface SearchPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ q?: string | string[] }>;
}

export default async function SearchPage({ params, searchParams }: SearchPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? q[0] : q)?.trim() ?? "";
  const [t, results] = await Promise.all([getTranslations("People"), getDb().then((db) => readPersonSearch(read, db, query, 50))]);
  // One entry for the page: the missing persons whose names it lists.
  await recordPageRead(session, "missing_person", results.map((person) => person.id));
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("searchTitle")}</h1>
      <SearchBox locale={locale} query={query} />
      {query !== "" && <h2 className="text-lg font-medium">{withIsolatedValues((values) => t("searchResultsFor", values), { query }, (value) => <bdi className="whitespace-nowrap">{value}</bdi>)}</h2>}
      {query !== "" && results.length === 0 && <p>{t("searchNoResults", { query })}</p>}
      {results.length > 0 && <PersonResults results={results} />}
    </section>
  );
}
