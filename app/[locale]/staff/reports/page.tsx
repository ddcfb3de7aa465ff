import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { inputClassName } from "@/components/forms/field";
import { ListFilterForm } from "@/components/people/list-filter-form";
import { ListPagination } from "@/components/people/list-pagination";
import { primaryButtonClassName } from "@/components/users/button-class";
import { policeReportCategory } from "@/db/schema";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { getReportsPage, parseReportListFilters, reportListQuery } from "@/lib/people/report-list";
import { getDb } from "@/lib/server/database";
import { LtrText } from "@/components/layout/ltr-text";
import { ScrollTable } from "@/components/layout/scroll-table";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface PoliceReportsPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function PoliceReportsPage({ params, searchParams }: PoliceReportsPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const filters = parseReportListFilters(await searchParams, session.userId);
  const [t, tEdits, page] = await Promise.all([getTranslations("People"), getTranslations("PeopleEdits"), getDb().then((db) => getReportsPage(read, db, filters))]);
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("reportsTitle")}</h1>
          <p className="text-muted">{t("reportsIntro")}</p>
        </div>
        {can(session.role, "people.write") && <Link href="/staff/reports/new" className={primaryButtonClassName}>{t("newReport")}</Link>}
      </header>
      <ListFilterForm locale={locale} list="reports" search={filters.search} searchExpired={filters.searchExpired} hint={tEdits("reportsFilterHint")}>
        <label className="mb-6 space-y-1 text-sm">
          <span className="block font-medium">{t("category")}</span>
          <select name="category" defaultValue={filters.category ?? ""} className={inputClassName}>
            <option value="">{tEdits("allCategories")}</option>
            {policeReportCategory.enumValues.map((category) => (
              <option key={category} value={category}>{t(`categories.${category}`)}</option>
            ))}
          </select>
        </label>
      </ListFilterForm>
      <p role="status" className="font-medium" data-testid="reports-count">{tEdits("reportsCount", { count: page.matches })}</p>
      <ScrollTable label={t("reportsTitle")}>
      <table className="w-full">
        <thead>
          <tr className="border-b border-line">
            {(["reportNumber", "station", "filedOn", "reporterName", "category", "personsCount"] as const).map((column) => (
              <th key={column} className="py-2 text-start">{t(column)}</th>
            ))}
          </tr>
        </thead>
        <tbody data-testid="report-rows">
          {page.rows.map((report) => (
            <tr key={report.id} className="border-b border-line">
              <td className="py-2">
                <Link href={`/staff/reports/${report.id}`} className="text-accent underline">
                  <LtrText>{report.reportNumber}</LtrText>
                </Link>
              </td>
              <td className="py-2">{report.station}</td>
              <td className="py-2">{formatDate(locale, report.filedOn)}</td>
              <td className="py-2">{report.reporterName}</td>
              <td className="py-2">{t(`categories.${report.category}`)}</td>
              <td className="py-2">{report.personCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollTable>
      {page.rows.length === 0 && <p className="text-muted">{tEdits("noMatches")}</p>}
      <ListPagination pathname="/staff/reports" query={reportListQuery(filters)} nextCursor={page.nextCursor} previousCursor={page.previousCursor} />
    </section>
  );
}

export default withStaffPageMessages("/staff/reports", PoliceReportsPage);
