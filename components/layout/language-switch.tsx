"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Locale } from "next-intl";

interface LanguageSwitchProps {
  locale: Locale;
  /** The other language's name, in that language. */
  text: string;
  /** What the link does, in the page's language. */
  title: string;
}

/**
 * Links to the same page in the other language, keeping the visitor where they are. Plain Next.js
 * navigation and the words as props: the public page ships no next-intl client code.
 */
export function LanguageSwitch({ locale, text, title }: LanguageSwitchProps) {
  const pathname = usePathname();
  const otherLocale: Locale = locale === "ar" ? "en" : "ar";
  const rest = pathname.replace(/^\/(ar|en)(?=\/|$)/, "");
  return (
    <Link
      href={`/${otherLocale}${rest}`}
      hrefLang={otherLocale}
      lang={otherLocale}
      // A title, not an aria-label: the spoken name must contain the visible one (WCAG 2.5.3).
      title={title}
      data-testid="language-switch"
      // Not fetched ahead: few visitors switch, and the other language's page is as large as this one.
      prefetch={false}
      // The router may answer from its cache without asking the server, so the choice is remembered
      // here, as next-intl's own links do: the proxy sends "/" to the language in this cookie.
      onClick={() => {
        document.cookie = `NEXT_LOCALE=${otherLocale}; path=/; SameSite=Lax`;
      }}
      className="rounded border border-line px-3 py-1 text-sm hover:bg-accent-soft"
    >
      {text}
    </Link>
  );
}
