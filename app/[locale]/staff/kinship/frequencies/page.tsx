import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FrequencyImportForm } from "@/components/kinship/frequency-import-form";
import { FrequencyTableSummary } from "@/components/kinship/frequency-table-summary";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { loadActiveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { getDb } from "@/lib/server/database";
import { importAlleleFrequencies } from "../actions";

/** Administrators and forensic examiners load the population's published table here. */
export default async function AlleleFrequenciesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePagePermission(locale, "alleleFrequencies.manage");
  const db = await getDb();
  const [t, active] = await Promise.all([getTranslations("Kinship"), loadActiveFrequencyTable(db)]);
  return (
    <section className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("frequenciesTitle")}</h1>
        <p className="text-muted">{t("frequenciesIntro")}</p>
      </header>
      <FrequencyTableSummary info={active?.info ?? null} />
      <FrequencyImportForm action={importAlleleFrequencies} />
    </section>
  );
}
