import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicGraveSite } from "@/lib/public/sites";
import { LtrText } from "@/components/layout/ltr-text";
import { ScrollTable } from "@/components/layout/scroll-table";

export async function GraveSiteTable({ sites, locale }: { sites: PublicGraveSite[]; locale: Locale }) {
  const t = await getTranslations("Home");
  const status = await getTranslations("SiteStatus");
  if (sites.length === 0) return <p className="text-muted">{t("sitesEmpty")}</p>;
  const cell = "border-b border-line px-3 py-2 text-start";
  return (
    <ScrollTable labelledBy="grave-sites-caption">
      <table className="w-full border-collapse bg-white text-sm">
        <caption id="grave-sites-caption" className="sr-only">{t("sitesCaption")}</caption>
        <thead className="bg-accent-soft">
          <tr>
            <th scope="col" className={cell}>{t("siteCode")}</th>
            <th scope="col" className={cell}>{t("siteName")}</th>
            <th scope="col" className={cell}>{t("siteStatus")}</th>
            <th scope="col" className={cell}>{t("siteBodiesRecovered")}</th>
            <th scope="col" className={cell}>{t("siteIdentified")}</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.code}>
              <td className={cell}><LtrText>{site.code}</LtrText></td>
              <th scope="row" className={`${cell} font-normal`}>
                {locale === "ar" ? site.nameAr : site.nameEn}
              </th>
              <td className={cell}>{status(site.status)}</td>
              <td className={`${cell} tabular-nums`}>{formatNumber(locale, site.bodiesRecovered)}</td>
              <td className={`${cell} tabular-nums`}>{formatNumber(locale, site.identified)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
