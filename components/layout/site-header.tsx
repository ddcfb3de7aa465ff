import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader() {
  const [t, locale] = await Promise.all([getTranslations("Common"), getLocale()]);
  return (
    <header className="border-b border-line bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={`/${locale}`} className="text-lg font-semibold text-accent">
          {t("appName")}
        </Link>
        <nav aria-label={t("primaryNavigation")} className="flex items-center gap-4">
          <Link href={`/${locale}`} className="text-sm underline-offset-4 hover:underline">
            {t("home")}
          </Link>
          {/* Not prefetched: most visitors are not staff, and signed out it only leads to the sign-in page. */}
          <Link href={`/${locale}/staff`} prefetch={false} className="text-sm underline-offset-4 hover:underline">
            {t("staffArea")}
          </Link>
          <LanguageSwitch locale={locale} text={t("languageSwitch")} title={t("languageSwitchLabel")} />
        </nav>
      </div>
    </header>
  );
}
