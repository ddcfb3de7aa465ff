import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FieldCapture } from "@/components/field/field-capture";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { authoriseRead } from "@/lib/auth/read-access";
import { graveSiteChoices } from "@/lib/forensic/site-queries";
import { getDb } from "@/lib/server/database";
import { registerFieldDevice, reserveFieldCodes, syncFieldItem } from "./actions";

/**
 * Field capture (issue 25). The page carries no personal data: only the live grave sites a body may
 * be recorded at (the device keeps them, encrypted, for offline use). Everything recorded here lives
 * in the device's encrypted store until it is synced.
 */
export default async function FieldCapturePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = authoriseRead(await requirePagePermission(locale, "forensic.write"), "forensic.read");
  const [t, sites] = await Promise.all([getTranslations("Field"), getDb().then((db) => graveSiteChoices(read, db))]);
  const serverSites = sites.map((site) => ({ id: site.id, code: site.code, name: locale === "ar" ? site.nameAr : site.nameEn, discoveredOn: site.discoveredOn }));
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <FieldCapture actions={{ registerDevice: registerFieldDevice, reserveCodes: reserveFieldCodes, syncItem: syncFieldItem }} serverSites={serverSites} />
    </section>
  );
}
