import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { fullArabicName } from "@/components/people/person-name";
import { LtrText } from "@/components/layout/ltr-text";
import { recordPageRead } from "@/lib/audit/record-read";
import { requirePageRead } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { getTriageQueue, type QueuedReport } from "@/lib/online-reports/queries";
import { getDb } from "@/lib/server/database";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** The triage queue: reports families sent online, waiting for a registrar, and the latest decided. */
async function OnlineReportsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.write");
  const [t, queue] = await Promise.all([getTranslations("OnlineReport.staff"), getDb().then((db) => getTriageQueue(read, db))]);
  // The names listed are personal data that has not been checked: reading them is recorded.
  await recordPageRead(read.session, "online_report", [...queue.waiting, ...queue.decided].map((report) => report.id));
  const table = (reports: QueuedReport[], testId: string) => (
    <table className="w-full text-start" data-testid={testId}>
      <thead>
        <tr className="border-b border-line text-muted">
          <th className="py-2 text-start font-medium">{t("reference")}</th>
          <th className="py-2 text-start font-medium">{t("person")}</th>
          <th className="py-2 text-start font-medium">{t("submittedAt")}</th>
          <th className="py-2 text-start font-medium">{t("status")}</th>
        </tr>
      </thead>
      <tbody>
        {reports.map((report) => (
          <tr key={report.id} className="border-b border-line" data-testid="online-report-row">
            <td className="py-2">
              <Link href={`/staff/online-reports/${report.id}`} className="text-accent underline"><LtrText>{report.reference}</LtrText></Link>
            </td>
            <td className="py-2">{fullArabicName(report)}</td>
            <td className="py-2">{formatDateTime(locale, report.submittedAt.toISOString())}</td>
            <td className="py-2">{t(`statuses.${report.status as "submitted"}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("queueTitle")}</h1>
        <p className="text-muted">{t("queueIntro")}</p>
      </header>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">{t("waitingHeading")}</h2>
        {queue.waiting.length === 0 ? <p data-testid="no-waiting-reports">{t("noneWaiting")}</p> : table(queue.waiting, "waiting-reports")}
      </section>
      {queue.decided.length > 0 && (
        <section className="space-y-3">
          <h2 className="text-xl font-semibold">{t("decidedHeading")}</h2>
          {table(queue.decided, "decided-reports")}
        </section>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/online-reports", OnlineReportsPage);
