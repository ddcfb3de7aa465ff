import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RemainsFilterForm } from "@/components/forensic/remains-filter-form";
import { RemainsTable } from "@/components/forensic/remains-table";
import { requirePageRead } from "@/lib/auth/page-guard";
import { parseRemainsFilters, remainsListQuery } from "@/lib/forensic/remains-filters";
import { getRemainsPage } from "@/lib/forensic/remains-list";
import { graveSiteChoices } from "@/lib/forensic/site-queries";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface RemainsPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function RemainsPage({ params, searchParams }: RemainsPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "forensic.read");
  const filters = parseRemainsFilters(await searchParams);
  const db = await getDb();
  const [t, page, sites] = await Promise.all([getTranslations("Remains"), getRemainsPage(read, db, filters), graveSiteChoices(read, db)]);
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <RemainsFilterForm filters={filters} sites={sites} />
      <p role="status" className="font-medium" data-testid="remains-matches">
        {t("matches", { count: page.matches })}
      </p>
      <RemainsTable rows={page.rows} locale={locale} />
      {(page.previousCursor || page.nextCursor) && (
        <nav className="flex flex-wrap gap-4" aria-label={t("pages")} data-testid="remains-pagination">
          {page.previousCursor && (
            <>
              <Link href={{ pathname: "/staff/remains", query: remainsListQuery(filters) }} className="text-accent underline">
                {t("firstPage")}
              </Link>
              <Link href={{ pathname: "/staff/remains", query: remainsListQuery(filters, { before: page.previousCursor }) }} className="text-accent underline" rel="prev" data-testid="previous-page">
                {t("previousPage")}
              </Link>
            </>
          )}
          {page.nextCursor && (
            <Link href={{ pathname: "/staff/remains", query: remainsListQuery(filters, { after: page.nextCursor }) }} className="text-accent underline" rel="next" data-testid="next-page">
              {t("nextPage")}
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/remains", RemainsPage);
