import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { primaryButtonClassName } from "@/components/users/button-class";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { listRecentPoliceReports } from "@/lib/people/person-queries";
import { getDb } from "@/lib/server/database";

export default async function PoliceReportsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const session = await requirePagePermission(locale, "people.read");
  const [t, reports] = await Promise.all([getTranslations("People"), getDb().then((db) => listRecentPoliceReports(db))]);
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("reportsTitle")}</h1>
          <p className="text-muted">{t("reportsIntro")}</p>
        </div>
        {can(session.role, "people.write") && <Link href="/staff/reports/new" className={primaryButtonClassName}>{t("newReport")}</Link>}
      </header>
      <table className="w-full">
        <thead>
          <tr className="border-b border-line">
            {(["reportNumber", "station", "filedOn", "reporterName", "category", "personsCount"] as const).map((column) => (
              <th key={column} className="py-2 text-start">{t(column)}</th>
            ))}
          </tr>
        </thead>
        <tbody data-testid="report-rows">
          {reports.map((report) => (
            <tr key={report.id} className="border-b border-line">
              <td className="py-2" dir="ltr">{report.reportNumber}</td>
              <td className="py-2">{report.station}</td>
              <td className="py-2">{formatDate(locale, report.filedOn)}</td>
              <td className="py-2">{report.reporterName}</td>
              <td className="py-2">{t(`categories.${report.category}`)}</td>
              <td className="py-2">{report.personCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
