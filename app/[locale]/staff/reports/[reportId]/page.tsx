import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { RecordHistory } from "@/components/forensic/record-history";
import { SavedNotice } from "@/components/forensic/voided-notice";
import { PoliceReportDetails } from "@/components/people/police-report-details";
import { PeopleVoidedNotice } from "@/components/people/voided-notice";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getRecordHistory } from "@/lib/forensic/record-history";
import { Link } from "@/lib/i18n/navigation";
import { getPoliceReportDetails, POLICE_REPORT_ENTITY } from "@/lib/reports/report-details";
import { getDb } from "@/lib/server/database";
import { referencedIds, resolveRecordReferences } from "@/lib/audit/record-references";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface PoliceReportPageProps {
  params: Promise<{ locale: Locale; reportId: string }>;
  searchParams: Promise<{ saved?: string }>;
}

/** One police report: its facts, the people it names and its history; a voided report stays readable, marked. */
async function PoliceReportPage({ params, searchParams }: PoliceReportPageProps) {
  const { locale, reportId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const db = await getDb();
  const report = await getPoliceReportDetails(read, db, reportId);
  if (!report) notFound();
  const [t, tEdits, history, { saved }] = await Promise.all([
    getTranslations("People"),
    getTranslations("PeopleEdits"),
    getRecordHistory(read, db, POLICE_REPORT_ENTITY, report.id),
    searchParams,
  ]);
  const mayWrite = can(session.role, "people.write") && !report.voidedAt;
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <Link href="/staff/reports" className="text-sm text-accent underline">{t("reportsTitle")}</Link>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h1 className="text-2xl font-semibold" data-testid="report-heading">
            {tEdits("reportTitle")} <bdi className="whitespace-nowrap">{report.reportNumber}</bdi>
          </h1>
          {mayWrite && (
            <Link href={`/staff/reports/${report.id}/edit`} className="rounded border border-line px-4 py-2 font-medium" data-testid="edit-report">
              {t("edit")}
            </Link>
          )}
        </div>
      </header>
      <SavedNotice saved={saved === "1"} />
      <PeopleVoidedNotice voidedAt={report.voidedAt} reason={report.voidReason} locale={locale} />
      <PoliceReportDetails report={report} locale={locale} />
      <RecordHistory entries={history} locale={locale} storedEntry={can(session.role, "audit.read")} entity={POLICE_REPORT_ENTITY} references={await resolveRecordReferences(session, db, referencedIds(history.map((entry) => ({ ...entry, entityId: null }))))} />
    </article>
  );
}

export default withStaffPageMessages("/staff/reports/[reportId]", PoliceReportPage);
