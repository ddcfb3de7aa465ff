import type { Metadata } from "next";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { connection } from "next/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ReportForm } from "@/components/online-reports/report-form";
import { ReportStatusForm } from "@/components/online-reports/report-status-form";
import { OfficeContactDetails } from "@/components/settings/office-contact-details";
import { issueFormToken } from "@/lib/online-reports/form-token";
import { getDb } from "@/lib/server/database";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { checkStatus } from "./check-status";
import { submitReport } from "./submit-report";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "OnlineReport" });
  // The site sends no referrer, so a browser posts this form with "Origin: null", which Next.js
  // refuses for a server action sent without JavaScript. Within the registry's own origin this page
  // names it; links to other sites still carry nothing.
  return { title: t("title"), robots: { index: false }, referrer: "same-origin" };
}

/**
 * The public report form (issue 26): no account, no JavaScript needed. Drawn for each visitor (its
 * anti-automation note carries the time it was drawn), so the production server's page cache never
 * keeps it (scripts/support/public-page-cache.mjs lists only /ar, /en and the portal's sign-in).
 */
export default async function OnlineReportPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const [t, contact] = await Promise.all([getTranslations("OnlineReport"), getOfficeContact(await getDb())]);
  return (
    <section className="mx-auto max-w-xl space-y-6 text-lg">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p>{t("intro")}</p>
        <p className="text-base text-muted">{t("privacy")}</p>
      </header>
      <ClientMessages namespaces={["OnlineReport", "Validation"]}>
        <ReportForm locale={locale} formToken={issueFormToken()} action={submitReport} />
        <ReportStatusForm action={checkStatus} officeContact={<OfficeContactDetails contact={contact} locale={locale} testId="status-office-contact" headingLevel={3} />} />
      </ClientMessages>
      <OfficeContactDetails contact={contact} locale={locale} />
    </section>
  );
}
