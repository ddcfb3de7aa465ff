import type { Locale } from "next-intl";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EditGraveSiteForm } from "@/components/forensic/grave-site-form";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getMapSetting } from "@/lib/forensic/map-setting";
import { getGraveSite } from "@/lib/forensic/site-queries";
import { getDb } from "@/lib/server/database";
import { updateGraveSite } from "../../actions";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function EditGraveSitePage({ params }: { params: Promise<{ locale: Locale; siteId: string }> }) {
  const { locale, siteId } = await params;
  setRequestLocale(locale);
  const session = await requirePagePermission(locale, "forensic.write");
  const [t, site] = await Promise.all([getTranslations("GraveSites"), getDb().then((db) => getGraveSite(authoriseRead(session, "forensic.read"), db, siteId))]);
  if (!site || site.voidedAt) notFound();
  const values = {
    siteId: site.id,
    version: site.version,
    code: site.code,
    nameAr: site.nameAr,
    nameEn: site.nameEn,
    description: site.description,
    discoveredOn: site.discoveredOn,
    status: site.status,
    latitude: site.latitude,
    longitude: site.longitude,
    confirmFarFromTarhuna: false,
    isPublic: site.isPublic,
    exactLocationPublic: site.exactLocationPublic,
    statusChangeReason: "",
  };
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("editTitle", { code: site.code })}</h1>
      <EditGraveSiteForm action={updateGraveSite} site={values} isAdmin={session.role === "admin"} map={getMapSetting()} />
    </section>
  );
}

export default withStaffPageMessages("/staff/sites/[siteId]/edit", EditGraveSitePage);
