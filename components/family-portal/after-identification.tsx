import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { OfficeContactDetails } from "@/components/settings/office-contact-details";
import type { FamilyAftercare } from "@/lib/family-portal/aftercare";
import { formatDate } from "@/lib/i18n/format";
import type { OfficeContactValues } from "@/lib/settings/office-contact-values";

/** The steps after the family was told: the handover's date, the letters issued (titles and dates only) and whom to ask. */
export async function AfterIdentification({ aftercare, locale, contact }: { aftercare: FamilyAftercare; locale: Locale; contact: OfficeContactValues }) {
  const [t, kinds] = await Promise.all([getTranslations({ locale, namespace: "FamilyPortal" }), getTranslations({ locale, namespace: "Aftercare" })]);
  return (
    <section className="space-y-2" data-testid="after-identification">
      <h3 className="text-lg font-semibold">{t("afterTitle")}</h3>
      <p data-testid="after-handover">
        {aftercare.handedOverOn ? t("afterHandedOver", { date: formatDate(locale, aftercare.handedOverOn) }) : t("afterHandoverPending")}
      </p>
      {aftercare.documents.length === 0 ? (
        <p>{t("afterNoDocuments")}</p>
      ) : (
        <>
          <p>{t("afterDocuments")}</p>
          <ul className="list-disc space-y-1 ps-6" data-testid="after-documents">
            {aftercare.documents.map((document, index) => (
              <li key={`${document.kind}-${index}`}>
                {kinds(`kinds.${document.kind}`)} · {t("onDate", { date: formatDate(locale, document.issuedOn) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <OfficeContactDetails contact={contact} locale={locale} testId="after-office-contact" headingLevel={3} />
    </section>
  );
}
