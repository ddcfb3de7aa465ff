import { getTranslations } from "next-intl/server";
import { BarChart } from "@/components/charts/bar-chart";
import type { SamplesByLabStatus } from "@/lib/dashboard/samples";
import { LAB_STATUSES, SAMPLE_KINDS } from "@/lib/enum-values";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

const KIND_COLOURS = { reference: "#1d4ed8", remains: "#a1440b" } as const;

export async function SamplesChart({ samples, locale }: { samples: SamplesByLabStatus; locale: Locale }) {
  const t = await getTranslations("Dashboard");
  return (
    <BarChart
      id="samples-chart"
      title={t("samplesTitle")}
      caption={t("samplesCaption")}
      rowHeading={t("labStatusHeading")}
      series={SAMPLE_KINDS.map((kind) => ({ label: t(`kinds.${kind}`), colour: KIND_COLOURS[kind] }))}
      rows={LAB_STATUSES.map((status) => ({
        label: t(`labStatuses.${status}`),
        values: SAMPLE_KINDS.map((kind) => samples[status][kind]),
      }))}
      rightToLeft={locale === "ar"}
      formatValue={(value) => formatNumber(locale, value)}
    />
  );
}
