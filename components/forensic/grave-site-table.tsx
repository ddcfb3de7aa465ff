import type { Locale } from "next-intl";
import { TableHead } from "./table-head";
import { getTranslations } from "next-intl/server";
import type { GraveSiteListEntry } from "@/lib/forensic/site-queries";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { LtrText } from "@/components/layout/ltr-text";
import { ScrollTable } from "@/components/layout/scroll-table";

export async function GraveSiteTable({ sites, locale }: { sites: GraveSiteListEntry[]; locale: Locale }) {
  const [t, statuses] = await Promise.all([getTranslations("GraveSites"), getTranslations("SiteStatus")]);
  if (sites.length === 0) return <p className="text-muted">{t("empty")}</p>;
  return (
    <ScrollTable label={t("title")}>
      <table className="w-full text-start text-sm" data-testid="grave-site-table">
        <TableHead headings={[t("code"), locale === "ar" ? t("nameAr") : t("nameEn"), t("status"), t("discoveredOn"), t("remainsCount"), t("identifiedCount")]} />
        <tbody>
          {sites.map((site) => (
            <tr key={site.id} className="border-b border-line">
              <td className="px-2 py-2 font-mono">
                <Link href={`/staff/sites/${site.id}`} className="text-accent underline">
                  <LtrText>{site.code}</LtrText>
                </Link>
              </td>
              <td className="px-2 py-2">{locale === "ar" ? site.nameAr : site.nameEn}</td>
              <td className="px-2 py-2">{statuses(site.status)}</td>
              <td className="px-2 py-2">{formatDate(locale, site.discoveredOn)}</td>
              <td className="px-2 py-2 tabular-nums">{formatNumber(locale, site.remainsCount)}</td>
              <td className="px-2 py-2 tabular-nums">{formatNumber(locale, site.identifiedCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
