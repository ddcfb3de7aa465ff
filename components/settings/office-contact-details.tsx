import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { officeContactIn, type OfficeContactValues } from "@/lib/settings/office-contact-values";
import { OfficeContactCard, type OfficeContactLabels } from "./office-contact-card";

export async function officeContactLabels(locale: Locale): Promise<OfficeContactLabels> {
  const t = await getTranslations({ locale, namespace: "Settings" });
  return { heading: t("contactHeading"), address: t("contactAddress"), phone: t("contactPhone"), hours: t("contactHours") };
}

/** The office's contact details in the page's language, or nothing while none are kept. */
export async function OfficeContactDetails({ contact, locale, testId, headingLevel }: { contact: OfficeContactValues; locale: Locale; testId?: string; headingLevel?: 2 | 3 }) {
  const lines = officeContactIn(contact, locale);
  if (!lines) return null;
  return <OfficeContactCard lines={lines} labels={await officeContactLabels(locale)} testId={testId} headingLevel={headingLevel} />;
}
