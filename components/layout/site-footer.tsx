import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("Common");
  return (
    <footer className="mt-12 border-t border-line print:hidden">
      <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">{t("footer")}</p>
    </footer>
  );
}
