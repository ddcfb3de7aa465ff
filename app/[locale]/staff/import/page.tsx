import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ImportWizard } from "@/components/import/import-wizard";
import { RecentImports } from "@/components/import/recent-imports";
import { requirePageRead } from "@/lib/auth/page-guard";
import { getRecentImports } from "@/lib/import/recent-imports";
import { getDb } from "@/lib/server/database";
import { voidImport } from "./actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function ImportPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const access = await requirePageRead(locale, "data.import");
  const [t, imports] = await Promise.all([getTranslations("Import"), getDb().then((db) => getRecentImports(access, db))]);
  return (
    <section className="mx-auto max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <ImportWizard />
      <RecentImports imports={imports} voidImport={voidImport} />
    </section>
  );
}

export default withStaffPageMessages("/staff/import", ImportPage);
