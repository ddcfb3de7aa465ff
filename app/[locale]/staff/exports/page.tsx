import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EXPORT_LISTS } from "@/lib/export/lists";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

const FORMATS = ["csv", "xlsx"] as const;

async function ExportsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePagePermission(locale, "personalData.export");
  const t = await getTranslations("Export");
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <ul className="space-y-3" data-testid="export-lists">
        {EXPORT_LISTS.map((list) => (
          <li key={list} className="flex flex-wrap items-center gap-4 rounded border border-line p-3">
            <span className="min-w-40 font-medium">{t(`lists.${list}`)}</span>
            {FORMATS.map((format) => (
              // A POST from this page: the route refuses links and other sites (lib/people/route-guard.ts).
              <form key={format} method="post" action={`/api/staff/export/${list}?format=${format}&lang=${locale}`}>
                <button
                  type="submit"
                  className="text-accent underline"
                  aria-label={t("downloadLabel", { list: t(`lists.${list}`), format: t(format) })}
                >
                  {t(format)}
                </button>
              </form>
            ))}
          </li>
        ))}
      </ul>
      <h2 className="text-lg font-semibold">{t("publicTitle")}</h2>
      <p>{t("publicIntro")}</p>
      <p className="flex gap-4">
        <a href="/api/public/sites.geojson" className="text-accent underline">{t("geojson")}</a>
        <a href="/api/public/sites.csv" className="text-accent underline">{t("hxl")}</a>
      </p>
    </section>
  );
}

export default withStaffPageMessages("/staff/exports", ExportsPage);
