import type { Locale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { FieldCaptureSection } from "@/components/field/field-capture-section";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { authoriseRead } from "@/lib/auth/read-access";
import { graveSiteChoices } from "@/lib/forensic/site-queries";
import { getDb } from "@/lib/server/database";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/**
 * Field capture (issue 25). The page carries no personal data: only the live grave sites a body may
 * be recorded at (the device keeps them, encrypted, for offline use). Everything recorded here lives
 * in the device's encrypted store until it is synced. Offline, the service worker answers this URL
 * with the field shell instead (app/[locale]/field-shell): this page itself is never kept.
 */
async function FieldCapturePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = authoriseRead(await requirePagePermission(locale, "forensic.write"), "forensic.read");
  const sites = await getDb().then((db) => graveSiteChoices(read, db));
  const serverSites = sites.map((site) => ({ id: site.id, code: site.code, name: locale === "ar" ? site.nameAr : site.nameEn, discoveredOn: site.discoveredOn }));
  return <FieldCaptureSection serverSites={serverSites} />;
}

export default withStaffPageMessages("/staff/field", FieldCapturePage);
