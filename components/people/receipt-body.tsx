import { getTranslations } from "next-intl/server";
import type { Locale } from "next-intl";
import { OfficeContactDetails } from "@/components/settings/office-contact-details";
import { formatDate } from "@/lib/i18n/format";
import type { SampleReceipt } from "@/lib/people/receipts";
import type { OfficeContactValues } from "@/lib/settings/office-contact-values";
import { fullArabicName } from "./person-name";
import { LtrText } from "@/components/layout/ltr-text";

/** The receipt in one language; the page prints it in Arabic and in English, one after the other. */
export async function ReceiptBody({ receipt, locale, contact }: { receipt: SampleReceipt; locale: Locale; contact: OfficeContactValues }) {
  const t = await getTranslations({ locale, namespace: "People" });
  const donorName = fullArabicName({ givenName: receipt.donorGivenName, fatherName: receipt.donorFatherName, familyName: receipt.donorFamilyName });
  return (
    <article lang={locale} dir={locale === "ar" ? "rtl" : "ltr"} className="space-y-3 break-inside-avoid rounded border border-line p-6">
      <h2 className="text-xl font-semibold">{t("receiptTitle")}</h2>
      <p>{t("receiptIntro")}</p>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr] print:grid-cols-[max-content_1fr]">
        <dt className="text-muted">{t("reference")}</dt><dd className="text-lg font-bold" data-testid="receipt-family-reference"><LtrText>{receipt.familyReference}</LtrText></dd>
        <dt className="text-muted">{t("donor")}</dt><dd dir="rtl">{donorName}</dd>
        <dt className="text-muted">{t("forRelatives")}</dt>
        <dd>{receipt.relatives.map((relative) => `${fullArabicName(relative)} (${t(`relationships.${relative.relationship}`)})`).join("، ")}</dd>
        <dt className="text-muted">{t("barcode")}</dt><dd><LtrText>{receipt.barcode}</LtrText></dd>
        <dt className="text-muted">{t("collectedOn")}</dt><dd>{formatDate(locale, receipt.collectedOn)}</dd>
        <dt className="text-muted">{t("collectedBy")}</dt><dd>{receipt.collectedByName}</dd>
        <dt className="text-muted">{t("consentScope")}</dt><dd>{receipt.consentScope ? t(`consentScopes.${receipt.consentScope}`) : "—"}</dd>
        <dt className="text-muted">{t("consentFormRef")}</dt><dd><LtrText>{receipt.consentFormRef}</LtrText></dd>
      </dl>
      <OfficeContactDetails contact={contact} locale={locale} testId="receipt-office-contact" headingLevel={3} />
    </article>
  );
}
