import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FrequencyImportForm } from "@/components/kinship/frequency-import-form";
import { FrequencyTableSummary } from "@/components/kinship/frequency-table-summary";
import { PendingFrequencyTables } from "@/components/kinship/pending-frequency-tables";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listPendingFrequencyTables, readActiveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { formatDateTime } from "@/lib/i18n/format";
import { getDb } from "@/lib/server/database";
import { approveAlleleFrequencies, importAlleleFrequencies } from "../actions";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** Forensic examiners load the population's published table here; a second one approves it. */
async function AlleleFrequenciesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const session = await requirePagePermission(locale, "alleleFrequencies.manage");
  const db = await getDb();
  const [t, active, pending] = await Promise.all([getTranslations("Kinship"), readActiveFrequencyTable(authoriseRead(session, "dnaProfiles.use"), db), listPendingFrequencyTables(authoriseRead(session, "alleleFrequencies.manage"), db)]);
  const pendingViews = pending.map((table) => ({
    id: table.id,
    name: table.name,
    sha256: table.sha256 ?? "",
    loadedBy: table.loadedByName ?? "—",
    loadedAt: formatDateTime(locale, table.loadedAt),
    own: table.loadedBy === session.userId,
  }));
  return (
    <section className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("frequenciesTitle")}</h1>
        <p className="text-muted">{t("frequenciesIntro")}</p>
      </header>
      <FrequencyTableSummary info={active?.info ?? null} />
      <PendingFrequencyTables tables={pendingViews} action={approveAlleleFrequencies} />
      <FrequencyImportForm action={importAlleleFrequencies} />
    </section>
  );
}

export default withStaffPageMessages("/staff/kinship/frequencies", AlleleFrequenciesPage);
