import { getTranslations } from "next-intl/server";
import { ColumnChart } from "@/components/charts/column-chart";
import type { MonthOfActivity } from "@/lib/dashboard/activity";
import { formatMonth, formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

/** Police reports and families sampled over time: the two streams of work that feed identification. */
export async function ActivityCharts({ activity, locale }: { activity: MonthOfActivity[]; locale: Locale }) {
  const t = await getTranslations("Dashboard");
  if (activity.length === 0) return <p className="text-muted">{t("noActivity")}</p>;
  const total = (key: "policeReports" | "familiesSampled") => activity.reduce((sum, month) => sum + month[key], 0);
  const shared = {
    rowHeading: t("monthHeading"),
    formatValue: (value: number) => formatNumber(locale, value),
    formatMonth: (month: string) => formatMonth(locale, month),
  };
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ColumnChart
        id="reports-chart"
        title={t("reportsTitle")}
        caption={t("reportsCaption", { total: total("policeReports") })}
        valueHeading={t("reportsHeading")}
        columns={activity.map((month) => ({ month: month.month, value: month.policeReports }))}
        colour="#57534e"
        {...shared}
      />
      <ColumnChart
        id="families-chart"
        title={t("familiesTitle")}
        caption={t("familiesCaption", { total: total("familiesSampled") })}
        valueHeading={t("familiesHeading")}
        columns={activity.map((month) => ({ month: month.month, value: month.familiesSampled }))}
        colour="#1d4ed8"
        {...shared}
      />
    </div>
  );
}
