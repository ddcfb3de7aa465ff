import "../globals.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { pickNamespaces, SHELL_NAMESPACES } from "@/lib/i18n/client-messages";
import { routing, textDirection } from "@/lib/i18n/routing";
import { getDb } from "@/lib/server/database";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";

// Every page reads the live records: nothing is rendered at build time, when no database is open.
export const dynamic = "force-dynamic";

interface LocaleLayoutProps {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: LocaleLayoutProps): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "Metadata" });
  return {
    title: { default: t("title"), template: `%s — ${t("title")}` },
    description: t("description"),
    alternates: { languages: { ar: "/ar", en: "/en" } },
  };
}

export default async function LocaleLayout({ children, params }: LocaleLayoutProps) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [t, messages, demo] = await Promise.all([
    getTranslations("Common"),
    getMessages(),
    getDb()
      .then(isDemoDataLoaded)
      .catch(() => false),
  ]);
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={pickNamespaces(messages, SHELL_NAMESPACES)}>
          {demo && <DemoBanner />}
          <SiteHeader />
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
