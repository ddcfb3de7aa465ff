import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicGraveSite } from "@/lib/public/sites";

/** A plain GET form: the filter lives in the address (?site=CODE), so it can be bookmarked and shared. */
export async function SiteFilterForm({
  sites,
  selectedCode,
  locale,
}: {
  sites: PublicGraveSite[];
  selectedCode: string | null;
  locale: Locale;
}) {
  const t = await getTranslations("Dashboard");
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" data-testid="site-filter">
      <div className="flex min-w-0 max-w-full flex-col gap-1">
        <label htmlFor="site" className="text-sm font-medium">{t("filterLabel")}</label>
        <select
          id="site"
          name="site"
          defaultValue={selectedCode ?? ""}
          className="max-w-full rounded border border-line bg-white px-3 py-2"
        >
          <option value="">{t("allSites")}</option>
          {sites.map((site) => (
            <option key={site.code} value={site.code}>
              {site.code} – {locale === "ar" ? site.nameAr : site.nameEn}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-white">
        {t("filterSubmit")}
      </button>
    </form>
  );
}
