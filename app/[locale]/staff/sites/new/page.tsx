import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NewGraveSiteForm } from "@/components/forensic/grave-site-form";
import { requirePageRead } from "@/lib/auth/page-guard";
import { getMapSetting } from "@/lib/forensic/map-setting";
import { suggestNextSiteCode } from "@/lib/forensic/site-queries";
import { getDb } from "@/lib/server/database";
import { createGraveSite } from "../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function NewGraveSitePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "forensic.write");
  const [t, suggestedCode] = await Promise.all([getTranslations("GraveSites"), getDb().then((db) => suggestNextSiteCode(read, db))]);
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <NewGraveSiteForm action={createGraveSite} suggestedCode={suggestedCode} map={getMapSetting()} />
    </section>
  );
}

export default withStaffPageMessages("/staff/sites/new", NewGraveSitePage);
