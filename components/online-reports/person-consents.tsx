import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { recordConsent, withdrawConsent } from "@/app/[locale]/staff/online-reports/actions";
import type { ConsentRecord } from "@/lib/online-reports/consents";
import { RecordConsentForm, WithdrawDataConsentForm } from "./consent-forms";
import { ConsentList } from "./consent-list";

/**
 * The consents for the use of a person's data on the person page, given online or at the office,
 * with the office's forms to record a new one or a withdrawal (registrars and administrators).
 */
export async function PersonConsents({ consents, missingPersonId, locale, mayEdit }: { consents: ConsentRecord[]; missingPersonId: string; locale: Locale; mayEdit: boolean }) {
  const t = await getTranslations({ locale, namespace: "OnlineReport.staff" });
  return (
    <section className="space-y-2" data-testid="person-consents">
      <h2 className="text-xl font-semibold">{t("personConsentsHeading")}</h2>
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
