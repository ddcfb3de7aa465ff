import { getTranslations } from "next-intl/server";
import { BarChart } from "@/components/charts/bar-chart";
import type { IdentificationPipeline } from "@/lib/dashboard/pipeline";
import { PIPELINE_STAGES } from "@/lib/dashboard/pipeline-stages";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

export async function PipelineChart({ pipeline, locale }: { pipeline: IdentificationPipeline; locale: Locale }) {
  const t = await getTranslations("Dashboard");
  return (
    <BarChart
      id="pipeline-chart"
      title={t("pipelineTitle")}
      caption={t("pipelineCaption")}
      rowHeading={t("stageHeading")}
      series={[{ label: t("bodiesHeading"), colour: "#1d4f4a" }]}
      rows={PIPELINE_STAGES.map((stage) => ({ label: t(`stages.${stage}`), values: [pipeline[stage]] }))}
      rightToLeft={locale === "ar"}
      formatValue={(value) => formatNumber(locale, value)}
    />
  );
}
