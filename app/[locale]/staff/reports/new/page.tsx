import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PoliceReportForm } from "@/components/people/police-report-form";
import { DEFAULT_POLICE_STATION } from "@/db/schema";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { createPoliceReport } from "../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function NewPoliceReportPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePagePermission(locale, "people.write");
  const t = await getTranslations("People");
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <Link href="/staff/reports" className="text-sm text-accent underline">{t("reportsTitle")}</Link>
      <h1 className="text-2xl font-semibold">{t("newReport")}</h1>
      <PoliceReportForm action={createPoliceReport} defaultStation={DEFAULT_POLICE_STATION} />
    </section>
  );
}

export default withStaffPageMessages("/staff/reports/new", NewPoliceReportPage);
