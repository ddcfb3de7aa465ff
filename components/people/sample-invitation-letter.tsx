import { getTranslations } from "next-intl/server";
import type { Locale } from "next-intl";
import { OfficeContactDetails } from "@/components/settings/office-contact-details";
import { LtrText } from "@/components/layout/ltr-text";
import { formatDate } from "@/lib/i18n/format";
import type { SampleInvitation } from "@/lib/people/sample-invitation";
import type { OfficeContactValues } from "@/lib/settings/office-contact-values";
import { fullArabicName } from "./person-name";

/**
 * The letter inviting a registered relative to give a reference sample (issue #22, point 6), in
 * one language; the page prints it in Arabic and in English. It names the missing relatives and
 * the family reference, says what giving a sample involves, and nothing about any DNA result.
 */
export async function SampleInvitationLetter({ invitation, locale, contact, today }: { invitation: SampleInvitation; locale: Locale; contact: OfficeContactValues; today: string }) {
  const t = await getTranslations({ locale, namespace: "People" });
  const sex = invitation.sex === "female" ? "female" : "other";
  return (
    <article lang={locale} dir={locale === "ar" ? "rtl" : "ltr"} className="space-y-3 break-inside-avoid rounded border border-line p-6" data-testid={`invitation-${locale}`}>
      <p className="text-end text-sm">
        {t("invitation.date")}: {formatDate(locale, today)} · {t("reference")}: <LtrText>{invitation.familyReference}</LtrText>
      </p>
      <h2 className="text-xl font-semibold">{t("invitation.title")}</h2>
      <p>{t("invitation.greeting", { sex, name: fullArabicName(invitation) })}</p>
      <p>{t("invitation.purpose", { count: invitation.relatives.length })}</p>
      <ul className="list-disc ps-6">
        {invitation.relatives.map((relative) => (
          <li key={relative.id} data-testid="invitation-missing-person">
            <span dir="rtl">{fullArabicName(relative)}</span> (<LtrText>{relative.caseNumber}</LtrText>) — {t(`relationships.${relative.relationship}`)}
          </li>
        ))}
      </ul>
      <p>{t("invitation.why")}</p>
      <p>{t("invitation.what")}</p>
      <p>{t("invitation.bring")}</p>
      <p>{t("invitation.consent")}</p>
      <OfficeContactDetails contact={contact} locale={locale} testId="invitation-office-contact" headingLevel={3} />
      <p className="pt-6">{t("invitation.closing")}</p>
      <p className="pt-8">{t("invitation.signature")}: ____________________</p>
    </article>
  );
}
