import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { VoidRecordForm } from "@/components/forensic/void-record-form";
import { EditPoliceReportForm } from "@/components/people/edit-police-report-form";
import { fullArabicName } from "@/components/people/person-name";
import { PeopleVoidedNotice } from "@/components/people/voided-notice";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { getPoliceReportDetails } from "@/lib/reports/report-details";
import type { UpdatePoliceReportValues } from "@/lib/reports/schemas";
import { getDb } from "@/lib/server/database";
import { updatePoliceReport, voidPoliceReport } from "../../actions";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** Correcting a police report and the people it names, or voiding a report entered in error. */
async function EditPoliceReportPage({ params }: { params: Promise<{ locale: Locale; reportId: string }> }) {
  const { locale, reportId } = await params;
  setRequestLocale(locale);
  const read = authoriseRead(await requirePagePermission(locale, "people.write"), "people.read");
  const [tEdits, report] = await Promise.all([getTranslations("PeopleEdits"), getDb().then((db) => getPoliceReportDetails(read, db, reportId))]);
  if (!report) notFound();
  const values: UpdatePoliceReportValues = {
    reportId: report.id,
    version: report.version,
    station: report.station,
    reportNumber: report.reportNumber,
    filedOn: report.filedOn,
    reporterName: report.reporterName,
    reporterRelationship: report.reporterRelationship,
    category: report.category,
    narrative: report.narrative,
    missingPersonIds: report.persons.map((person) => person.id),
  };
  const persons = report.persons.map((person) => ({ id: person.id, caseNumber: person.caseNumber, name: fullArabicName(person) }));
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <Link href={`/staff/reports/${report.id}`} className="text-sm text-accent underline">{tEdits("backToReport")}</Link>
      <h1 className="text-2xl font-semibold">
        {tEdits("editReportTitle")} <bdi className="whitespace-nowrap">{report.reportNumber}</bdi>
      </h1>
      {/* A voided report is no longer corrected: the page says when and why it was voided. */}
      <PeopleVoidedNotice voidedAt={report.voidedAt} reason={report.voidReason} locale={locale} />
      {!report.voidedAt && (
        <>
          <EditPoliceReportForm action={updatePoliceReport} report={values} persons={persons} />
          <VoidRecordForm recordId={report.id} version={report.version} action={voidPoliceReport} />
        </>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/reports/[reportId]/edit", EditPoliceReportPage);
