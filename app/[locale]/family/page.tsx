import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cookies } from "next/headers";
import { FamilySignInForm } from "@/components/family-portal/family-sign-in-form";
import { FamilyStatus } from "@/components/family-portal/family-status";
import { OfficeContactDetails } from "@/components/settings/office-contact-details";
import { waitFromQuery } from "@/lib/family-portal/portal-request";
import { readFamilySession } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE } from "@/lib/family-portal/session-token";
import { getFamilyPortalStatus } from "@/lib/family-portal/status";
import { offerRegistryStateToFrontServer } from "@/lib/public/front-cache";
import { getDb } from "@/lib/server/database";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { familyHasRemoteViewing } from "@/lib/belongings/portal-catalogue";
import { Link } from "@/lib/i18n/navigation";

interface FamilyPortalPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: FamilyPortalPageProps): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "FamilyPortal" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * The family status portal: the sign-in form, or — for a valid family session, checked against the
 * database on every request — that family's own missing relatives and nothing else.
 */
export default async function FamilyPortalPage({ params, searchParams }: FamilyPortalPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const db = await getDb();
  // The production server keeps this page while the registry is unchanged (scripts/serve.mjs).
  offerRegistryStateToFrontServer(db);
  const [t, session, query, contact] = await Promise.all([
    getTranslations("FamilyPortal"),
    cookies().then((jar) => readFamilySession(db, jar.get(FAMILY_SESSION_COOKIE)?.value)),
    searchParams,
    getOfficeContact(db),
  ]);
  if (session) {
    const [persons, remoteViewing, belongings] = await Promise.all([
      getFamilyPortalStatus(db, session.familyId),
      familyHasRemoteViewing(db, session.familyId),
      getTranslations("Belongings"),
    ]);
    return (
      <section className="mx-auto max-w-xl space-y-6 text-lg">
        <FamilyStatus locale={locale} reference={session.reference} persons={persons} contact={contact} />
        {remoteViewing && (
          <Link href="/family/belongings" className="block rounded border border-line px-4 py-3 font-medium text-accent underline" data-testid="portal-belongings-link">
            {belongings("portal.link")}
          </Link>
        )}
      </section>
    );
  }
  return (
    <section className="mx-auto max-w-xl space-y-6 text-lg">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p>{t("intro")}</p>
      </header>
      <FamilySignInForm locale={locale} failed={query.failed === "1"} signedOut={query.signedOut === "1"} waitMinutes={waitFromQuery(query.wait)} />
      {/* Below the form on every answer (wrong code, locked, signed out): whom to ask for help. */}
      <OfficeContactDetails contact={contact} locale={locale} />
    </section>
  );
}
