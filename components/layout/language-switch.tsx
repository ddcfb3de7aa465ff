"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { Locale } from "next-intl";
import { Suspense } from "react";

interface LanguageSwitchProps {
  locale: Locale;
  /** The other language's name, in that language. */
  text: string;
  /** What the link does, in the page's language. */
  title: string;
}

/** "/ar/staff/audit?entity=family" → "/en/staff/audit?entity=family": same page, same filters. */
export function otherLanguageHref(pathname: string, search: string, locale: Locale): string {
  const otherLocale: Locale = locale === "ar" ? "en" : "ar";
  const rest = pathname.replace(/^\/(ar|en)(?=\/|$)/, "");
  const query = search.replace(/^\?/, "");
  return `/${otherLocale}${rest}${query === "" ? "" : `?${query}`}`;
}

function SwitchLink({ locale, text, title, search }: LanguageSwitchProps & { search: string }) {
  const pathname = usePathname();
  const otherLocale: Locale = locale === "ar" ? "en" : "ar";
  return (
    <Link
      href={otherLanguageHref(pathname, search, locale)}
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

function SwitchLinkKeepingQuery(props: LanguageSwitchProps) {
  const search = useSearchParams();
  return <SwitchLink {...props} search={search.toString()} />;
}

/**
 * Links to the same page in the other language, keeping the visitor where they are: the path and
 * the query (a filtered list, a page of results). Plain Next.js navigation and the words as props:
 * the public page ships no next-intl client code. A statically rendered page knows its query only
 * in the browser, so until then the link leaves it out (the Suspense fallback).
 */
export function LanguageSwitch(props: LanguageSwitchProps) {
  return (
    <Suspense fallback={<SwitchLink {...props} search="" />}>
      <SwitchLinkKeepingQuery {...props} />
    </Suspense>
  );
}
