import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getCurrentSession } from "@/lib/auth/current-session";
import { redirect } from "@/lib/i18n/navigation";
import { SIGN_IN_NAMESPACES } from "@/lib/i18n/client-messages";
import { getDb } from "@/lib/server/database";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";

interface LoginPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: LoginPageProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Auth" });
  return { title: t("title"), robots: { index: false } };
}

export default async function LoginPage({ params, searchParams }: LoginPageProps) {
  const { locale } = await params;
  // next-auth sends the browser back here with ?error=… (a refused sign-in, a bad callbackUrl).
  const { error } = await searchParams;
  setRequestLocale(locale);
  if (await getCurrentSession()) redirect({ href: "/staff", locale });
  const [t, demo] = await Promise.all([getTranslations("Auth"), getDb().then(isDemoDataLoaded)]);
  return (
    <section className="mx-auto max-w-md space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <ClientMessages namespaces={SIGN_IN_NAMESPACES}>
        <SignInForm initialError={typeof error === "string" ? error.slice(0, 64) : undefined} />
      </ClientMessages>
      {demo && <p className="rounded bg-notice px-3 py-2 text-sm text-notice-ink">{t("demoHint")}</p>}
    </section>
  );
}
