import { getTranslations } from "next-intl/server";

/** Shown on every page while the synthetic demo data is loaded, so nobody mistakes it for real cases. */
export async function DemoBanner() {
  const t = await getTranslations("Common");
  return (
    <div data-testid="demo-banner" className="bg-notice px-4 py-2 text-center text-sm font-medium text-notice-ink">
      {t("demoBanner")}
    </div>
  );
}
