import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicSummary } from "@/lib/public/summary";

const FIGURES = ["bodiesRecovered", "identified", "familiesSampled", "policeReports"] as const;

export async function HeadlineFigures({ summary, locale }: { summary: PublicSummary; locale: Locale }) {
  const t = await getTranslations("Figures");
  return (
    <dl className="grid gap-4 sm:grid-cols-2">
      {FIGURES.map((figure) => (
        <div
          key={figure}
          data-testid={`figure-${figure}`}
          className="flex flex-col rounded-lg border border-line bg-white p-5"
        >
          <dt className="order-2 mt-1 font-medium">{t(`${figure}.label`)}</dt>
          <dd data-testid="figure-value" className="order-1 text-4xl font-semibold text-accent tabular-nums">
            {formatNumber(locale, summary[figure])}
          </dd>
          <dd className="order-3 mt-2 text-sm text-muted">{t(`${figure}.meaning`)}</dd>
        </div>
      ))}
    </dl>
  );
}
