"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";

/** Links to the same page in the other language, keeping the visitor where they are. */
export function LanguageSwitch() {
  const t = useTranslations("Common");
  const locale = useLocale();
  const pathname = usePathname();
  const otherLocale = locale === "ar" ? "en" : "ar";
  return (
    <Link
      href={pathname}
      locale={otherLocale}
      hrefLang={otherLocale}
      lang={otherLocale}
      // A title, not an aria-label: the spoken name must contain the visible one (WCAG 2.5.3).
      title={t("languageSwitchLabel")}
      data-testid="language-switch"
      className="rounded border border-line px-3 py-1 text-sm hover:bg-accent-soft"
    >
      {t("languageSwitch")}
    </Link>
  );
}
