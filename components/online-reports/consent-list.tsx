import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatDate } from "@/lib/i18n/format";
import type { ConsentRecord } from "@/lib/online-reports/consents";
import { CONSENT_LEVELS } from "@/lib/online-reports/values";

/**
 * Each consent level and what was recorded for it: given (when, how, on which wording), withdrawn
 * (when, on which form), or never given. `withdrawForm` adds the office's withdrawal form to a live one.
 */
export async function ConsentList({ consents, locale, withdrawForm }: { consents: ConsentRecord[]; locale: Locale; withdrawForm?: (consent: ConsentRecord) => ReactNode }) {
  const t = await getTranslations({ locale, namespace: "OnlineReport.staff" });
  return (
    <ul className="space-y-2" data-testid="consent-list">
      {CONSENT_LEVELS.map((level) => {
        const given = consents.filter((consent) => consent.level === level);
        return (
          <li key={level} className="rounded border border-line p-3" data-testid={`consent-${level}`}>
            <p className="font-medium">{t(`consentLevels.${level}`)}</p>
            {given.length === 0 && <p className="text-muted">{t("noConsentGiven")}</p>}
            {given.map((consent) => (
              <div key={consent.id} className="space-y-1" data-testid="consent-record">
                <p>
                  {t("consentGiven", { date: formatDate(locale, consent.givenOn), source: t(`sources.${consent.source as "online"}`), version: "\u2068" + consent.wordingVersion + "\u2069" })}
                  {consent.givenBy !== "" && <> · <bdi>{consent.givenBy}</bdi></>}
                </p>
                {consent.withdrawnOn ? (
                  <p className="font-medium text-red-800" data-testid="consent-withdrawn">
                    {t("consentWithdrawnOn", { date: formatDate(locale, consent.withdrawnOn), version: "\u2068" + consent.withdrawalWording + "\u2069" })}
                  </p>
                ) : (
                  withdrawForm?.(consent)
                )}
              </div>
            ))}
          </li>
        );
      })}
    </ul>
  );
}

