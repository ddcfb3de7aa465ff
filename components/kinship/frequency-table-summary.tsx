import { getFormatter, getTranslations } from "next-intl/server";
import type { FrequencyTableInfo } from "@/lib/dna-profiles/frequency-store";

/** Which table the ratios rest on, with a warning no one can miss when it is the synthetic one. */
export async function FrequencyTableSummary({ info }: { info: FrequencyTableInfo | null }) {
  const [t, format] = await Promise.all([getTranslations("Kinship"), getFormatter()]);
  if (!info) return <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2" data-testid="no-frequency-table">{t("noFrequencyTable")}</p>;
  return (
    <div className="space-y-2" data-testid="frequency-table-summary">
      <p>
        {t("frequencyActive", {
          name: info.name,
          loci: info.loci,
          alleles: info.alleles,
          minFrequency: info.minFrequency,
          loadedAt: format.dateTime(info.loadedAt, { dateStyle: "medium" }),
        })}
      </p>
      <p className="text-sm">
        {t("frequencySha256")} <bdi dir="ltr" className="break-all font-mono" data-testid="frequency-sha256">{info.sha256}</bdi>
      </p>
      {info.synthetic && (
        <p role="note" className="rounded border border-red-300 bg-red-50 px-3 py-2 font-medium text-red-900" data-testid="synthetic-warning">
          {t("frequencySynthetic")}
        </p>
      )}
    </div>
  );
}
