import type { Locale } from "next-intl";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { GraveSiteDetails } from "@/components/forensic/grave-site-details";
import { LocationMap } from "@/components/forensic/location-map";
import { RecordHistory } from "@/components/forensic/record-history";
import { SiteRemainsList } from "@/components/forensic/site-remains-list";
import { SavedNotice, VoidedNotice } from "@/components/forensic/voided-notice";
import { VoidRecordForm } from "@/components/forensic/void-record-form";
import { primaryButtonClassName } from "@/components/users/button-class";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { GRAVE_SITE_ENTITY } from "@/lib/forensic/grave-site-records";
import { getMapSetting } from "@/lib/forensic/map-setting";
import { getRecordHistory } from "@/lib/forensic/record-history";
import { listRemainsOfSite } from "@/lib/forensic/remains-queries";
import { getGraveSite } from "@/lib/forensic/site-queries";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { referencedIds, resolveRecordReferences } from "@/lib/audit/record-references";
import { voidGraveSite } from "../actions";
import { LtrText } from "@/components/layout/ltr-text";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface GraveSitePageProps {
  params: Promise<{ locale: Locale; siteId: string }>;
  searchParams: Promise<{ saved?: string }>;
}

async function GraveSitePage({ params, searchParams }: GraveSitePageProps) {
  const { locale, siteId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "forensic.read");
  const { session } = read;
  const db = await getDb();
  const site = await getGraveSite(read, db, siteId);
  if (!site) notFound();
  const [t, bodies, history, { saved }] = await Promise.all([
    getTranslations("GraveSites"),
    listRemainsOfSite(read, db, site.id),
    getRecordHistory(read, db, GRAVE_SITE_ENTITY, site.id),
    searchParams,
  ]);
  const mayEdit = can(session.role, "forensic.write") && !site.voidedAt;
  const map = getMapSetting();
  return (
    <article className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold" data-testid="site-heading">
          <LtrText>{site.code}</LtrText> · {locale === "ar" ? site.nameAr : site.nameEn}
        </h1>
        {mayEdit && (
          <div className="flex gap-3">
            <Link href={`/staff/sites/${site.id}/edit`} className="rounded border border-line px-4 py-2 font-medium" data-testid="edit-site">
              {t("edit")}
            </Link>
            <Link href={`/staff/remains/new?site=${site.id}`} className={primaryButtonClassName} data-testid="add-remains">
              {t("addRemains")}
            </Link>
          </div>
        )}
      </header>
      <SavedNotice saved={saved === "1"} />
      <VoidedNotice voidedAt={site.voidedAt} reason={site.voidReason} locale={locale} />
      <div className="grid gap-6 md:grid-cols-2">
        <GraveSiteDetails site={site} locale={locale} />
        <LocationMap latitude={site.latitude} longitude={site.longitude} outline={map.outline} tiles={map.tiles} labels={{ map: t("location"), offline: t("mapOffline") }} locale={locale} />
      </div>
      <SiteRemainsList bodies={bodies} locale={locale} />
      {can(session.role, "record.void") && !site.voidedAt && <VoidRecordForm recordId={site.id} action={voidGraveSite} />}
      <RecordHistory entries={history} locale={locale} storedEntry={can(session.role, "audit.read")} entity={GRAVE_SITE_ENTITY} references={await resolveRecordReferences(session, db, referencedIds(history.map((entry) => ({ ...entry, entityId: null }))))} />
    </article>
  );
}

export default withStaffPageMessages("/staff/sites/[siteId]", GraveSitePage);
