import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { GraveSiteRow } from "@/lib/forensic/site-queries";
import { formatDate } from "@/lib/i18n/format";
import { LtrText } from "@/components/layout/ltr-text";

export async function GraveSiteDetails({ site, locale }: { site: GraveSiteRow; locale: Locale }) {
  const [t, statuses] = await Promise.all([getTranslations("GraveSites"), getTranslations("SiteStatus")]);
  const rows: Array<[string, string, boolean?]> = [
    [t("nameAr"), site.nameAr],
    [t("nameEn"), site.nameEn],
    [t("status"), statuses(site.status)],
    [t("discoveredOn"), formatDate(locale, site.discoveredOn)],
    [t("latitude"), site.latitude.toFixed(5), true],
    [t("longitude"), site.longitude.toFixed(5), true],
    [t("description"), site.description || "—"],
    [t("publication"), site.isPublic ? t(site.exactLocationPublic ? "publishedExact" : "publishedRounded") : t("notPublished")],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2" data-testid="site-details">
      {rows.map(([term, value, leftToRight]) => (
        <div key={term} className="contents">
          <dt className="text-muted">{term}</dt>
          <dd className={leftToRight ? "font-mono" : undefined}>
            {leftToRight ? <LtrText>{value}</LtrText> : value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
