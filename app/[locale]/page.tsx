import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OpenDataLinks } from "@/components/export/open-data-links";
import { GraveSiteMap } from "@/components/public/grave-site-map";
import { GraveSiteTable } from "@/components/public/grave-site-table";
import { HeadlineFigures } from "@/components/public/headline-figures";
import { formatDateTime } from "@/lib/i18n/format";
import { offerRegistryStateToFrontServer } from "@/lib/public/front-cache";
import { getPublicGraveSites } from "@/lib/public/sites";
import { getPublicSummary, NEVER_CHANGED } from "@/lib/public/summary";
import { getDb } from "@/lib/server/database";

export default async function PublicSummaryPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const db = await getDb();
  // The production server keeps this page while the registry is unchanged (scripts/serve.mjs).
  offerRegistryStateToFrontServer(db);
  const [t, summary, sites] = await Promise.all([
    getTranslations("Home"),
    getPublicSummary(db),
    getPublicGraveSites(db),
  ]);
  return (
    <article className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-muted">{t("intro")}</p>
        {/* A plain link, no client code: families reach their portal from the first page they find. */}
        <p className="max-w-3xl rounded border-2 border-accent bg-accent-soft px-4 py-3">
          <a href={`/${locale}/family`} className="text-lg font-semibold text-accent underline" data-testid="family-portal-link">
            {t("familiesLink")}
          </a>
          <span className="block text-ink">{t("familiesLinkHint")}</span>
        </p>
        <p className="max-w-3xl rounded border-2 border-line px-4 py-3">
          <a href={`/${locale}/report`} className="text-lg font-semibold text-accent underline" data-testid="report-link">
            {t("reportLink")}
          </a>
          <span className="block text-ink">{t("reportLinkHint")}</span>
        </p>
      </header>
      <section aria-labelledby="figures-heading" className="space-y-4">
        <h2 id="figures-heading" className="text-xl font-semibold">{t("figuresHeading")}</h2>
        <HeadlineFigures summary={summary} locale={locale} />
        <p className="text-sm text-muted">
          {summary.updatedAt === NEVER_CHANGED
            ? t("noRecordsYet")
            : t.rich("updatedAt", {
                time: (chunks) => <time dateTime={summary.updatedAt}>{chunks}</time>,
                when: formatDateTime(locale, summary.updatedAt),
              })}
        </p>
      </section>
      <section aria-labelledby="sites-heading" className="space-y-4">
        <h2 id="sites-heading" className="text-xl font-semibold">{t("sitesHeading")}</h2>
        <GraveSiteMap sites={sites} locale={locale} />
        <GraveSiteTable sites={sites} locale={locale} />
        <OpenDataLinks />
      </section>
    </article>
  );
}
