import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PrintPageButton } from "@/components/identifications/print-page-button";
import { SamplingWorklistTable } from "@/components/kinship/sampling-worklist-table";
import { StartSamplingRefresh } from "@/components/kinship/start-sampling-refresh";
import { recordPageRead } from "@/lib/audit/record-read";
import { requirePageRead } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { readSamplingWorklist } from "@/lib/sampling-worklist/worklist-query";
import { startSamplingRefresh } from "./actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** Reads the stored results of the sampling refresh: the simulation never runs in a page request. */
async function SamplingWorklistPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "dnaProfiles.use");
  const db = await getDb();
  const [t, tKinship, worklist] = await Promise.all([getTranslations("Kinship.worklist"), getTranslations("Kinship"), readSamplingWorklist(read, db)]);
  // The list names relatives of these families: one read entry for the page.
  await recordPageRead(read.session, "family", [...new Set(worklist.entries.map((entry) => entry.familyId))]);
  return (
    <section className="space-y-4">
      <header className="space-y-2">
        <Link href="/staff/kinship" className="text-accent underline print:hidden">
          {tKinship("backToKinship")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <p role="note" className="rounded border border-line bg-accent-soft px-3 py-2" data-testid="sampling-worklist-estimate">
          {t("estimateNote", { count: worklist.simulations })}
        </p>
      </header>
      <p role="status" data-testid="sampling-worklist-status">
        {worklist.resultsFrom === null ? t("neverComputed") : t("resultsFrom", { time: formatDateTime(locale, worklist.resultsFrom) })}{" "}
        {t("notComputed", { count: worklist.familiesNotComputed })}
        {worklist.running && <> {t("running", { time: formatDateTime(locale, worklist.running.startedAt), done: worklist.running.done, count: worklist.running.total })}</>}
      </p>
      <StartSamplingRefresh action={startSamplingRefresh} running={worklist.running !== null} />
      {worklist.entries.length === 0 ? (
        worklist.resultsFrom !== null && <p data-testid="sampling-worklist-empty">{t("empty")}</p>
      ) : (
        <SamplingWorklistTable entries={worklist.entries} theta={worklist.theta} locale={locale} />
      )}
      {worklist.entries.length > 0 && <PrintPageButton />}
    </section>
  );
}

export default withStaffPageMessages("/staff/kinship/sampling-worklist", SamplingWorklistPage);
