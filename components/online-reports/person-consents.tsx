import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { recordConsent, withdrawConsent } from "@/app/[locale]/staff/online-reports/actions";
import type { ConsentRecord } from "@/lib/online-reports/consents";
import { reporterMayBeContacted } from "@/lib/online-reports/contact";
import type { ConsentLevel } from "@/lib/online-reports/values";
import { RecordConsentForm, WithdrawDataConsentForm } from "./consent-forms";
import { ConsentList } from "./consent-list";

/**
 * The consents for the use of a person's data on the person page, given online or at the office,
 * with the office's forms to record a new one or a withdrawal (registrars and administrators).
 */
export async function PersonConsents(props: { consents: ConsentRecord[]; withheld: ReadonlySet<ConsentLevel>; missingPersonId: string; locale: Locale; mayEdit: boolean }) {
  const { consents, withheld, missingPersonId, locale, mayEdit } = props;
  const t = await getTranslations({ locale, namespace: "OnlineReport.staff" });
  // Each online report's reporter may be contacted only while that report's consent (d) holds.
  const reports = [...new Set(consents.flatMap((consent) => (consent.onlineReportId ? [consent.onlineReportId] : [])))];
  const doNotContact = reports.some((reportId) => !reporterMayBeContacted(consents.filter((consent) => consent.onlineReportId === reportId)));
  return (
    <section className="space-y-2" data-testid="person-consents">
      <h2 className="text-xl font-semibold">{t("personConsentsHeading")}</h2>
      {withheld.size > 0 && (
        <ul className="space-y-1 rounded border border-red-800 p-3 font-medium text-red-800" data-testid="consent-uses-withheld">
          {[...withheld].map((level) => <li key={level} data-testid={`withheld-${level}`}>{t(`withheldUses.${level as "search"}`)}</li>)}
        </ul>
      )}
      {doNotContact && <p className="rounded border border-red-800 p-3 font-medium text-red-800" role="note" data-testid="do-not-contact">{t("doNotContact")}</p>}
      {consents.length === 0 && <p className="text-muted">{t("noConsents")}</p>}
      <ConsentList
        consents={consents}
        locale={locale}
        withdrawForm={mayEdit ? (consent) => <WithdrawDataConsentForm action={withdrawConsent} consentId={consent.id} version={consent.version} /> : undefined}
      />
      {mayEdit && (
        <details className="rounded border border-line p-3">
          <summary className="cursor-pointer font-medium">{t("recordConsentHeading")}</summary>
          <div className="mt-3"><RecordConsentForm action={recordConsent} missingPersonId={missingPersonId} /></div>
        </details>
      )}
    </section>
  );
}
