import { getTranslations } from "next-intl/server";

/**
 * Shown on every page while the synthetic demo data is loaded, so nobody mistakes it for real cases.
 * A landmark of its own (named by its text), so that screen-reader users meet it among the regions.
 */
export async function DemoBanner() {
  const t = await getTranslations("Common");
  return (
    <aside
      aria-labelledby="demo-banner-text"
      data-testid="demo-banner"
      className="bg-notice px-4 py-2 text-center text-sm font-medium text-notice-ink"
    >
      <p id="demo-banner-text">{t("demoBanner")}</p>
    </aside>
  );
}
