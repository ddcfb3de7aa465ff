import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "next-intl";
import { OfficeContactDetails } from "@/components/settings/office-contact-details";
import { formatDate } from "@/lib/i18n/format";
import type { SampleReceipt } from "@/lib/people/receipts";
import type { OfficeContactValues } from "@/lib/settings/office-contact-values";
import { fullArabicName } from "./person-name";
import { LtrText } from "@/components/layout/ltr-text";
import { Letterhead, SignatureLines } from "@/components/print/letterhead";
import { officeContactIn } from "@/lib/settings/office-contact-values";

/** "المتبرعة" for a woman: her recorded sex, or being the mother of the person she gives for. */
function donorSexForWording(receipt: SampleReceipt): "female" | "other" {
  return receipt.donorSex === "female" || receipt.relatives.some((relative) => relative.relationship === "mother") ? "female" : "other";
}

/** The receipt in one language; the page prints it in Arabic and in English, one after the other. */
export async function ReceiptBody({ receipt, locale, contact }: { receipt: SampleReceipt; locale: Locale; contact: OfficeContactValues }) {
  const [t, common, printed] = await Promise.all([
    getTranslations({ locale, namespace: "People" }),
    getTranslations({ locale, namespace: "Common" }),
    getTranslations({ locale, namespace: "Settings.print" }),
  ]);
  const donorName = fullArabicName({
    givenName: receipt.donorGivenName,
    fatherName: receipt.donorFatherName,
    grandfatherName: receipt.donorGrandfatherName,
    familyName: receipt.donorFamilyName,
  });
  const donorSex = donorSexForWording(receipt);
  return (
    <article lang={locale} dir={locale === "ar" ? "rtl" : "ltr"} className="space-y-3 break-inside-avoid rounded border border-line p-6">
      <Letterhead lines={officeContactIn(contact, locale)} fallbackName={common("appName")} />
      <h2 className="text-xl font-semibold">{t("receiptTitle")}</h2>
      <p>{t("receiptIntro")}</p>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr] print:grid-cols-[max-content_1fr]">
        <dt className="text-muted">{t("reference")}</dt><dd className="text-lg font-bold" data-testid="receipt-family-reference"><LtrText>{receipt.familyReference}</LtrText></dd>
        <dt className="text-muted">{t("receiptDonor", { sex: donorSex })}</dt><dd dir="rtl">{donorName}</dd>
        {receipt.relatives.map((relative) => (
          <Fragment key={relative.missingPersonId}>
            <dt className="text-muted">{t("receiptMissingPerson", { sex: relative.sex })}</dt>
            <dd data-testid="receipt-missing-person">
              <span dir="rtl">{fullArabicName(relative)}</span> (<LtrText>{relative.caseNumber}</LtrText>)
            </dd>
            <dt className="text-muted">{t("receiptRelationship", { donor: donorSex, missing: relative.sex })}</dt>
            <dd data-testid="receipt-relationship">{t(`relationships.${relative.relationship}`)}</dd>
          </Fragment>
        ))}
        <dt className="text-muted">{t("barcode")}</dt><dd><LtrText>{receipt.barcode}</LtrText></dd>
        <dt className="text-muted">{t("collectedOn")}</dt><dd>{formatDate(locale, receipt.collectedOn)}</dd>
        <dt className="text-muted">{t("collectedBy")}</dt><dd>{receipt.collectedByName}</dd>
        <dt className="text-muted">{t("consentScope")}</dt><dd>{receipt.consentScope ? t(`consentScopes.${receipt.consentScope}`) : "—"}</dd>
        <dt className="text-muted">{t("consentFormRef")}</dt><dd><LtrText>{receipt.consentFormRef}</LtrText></dd>
      </dl>
      <OfficeContactDetails contact={contact} locale={locale} testId="receipt-office-contact" headingLevel={3} />
      <SignatureLines labels={{ staff: printed("signatureStaff"), recipient: printed("signatureRecipient"), stamp: printed("stamp") }} />
    </article>
  );
}
