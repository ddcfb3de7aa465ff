import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AccessCodePanel } from "@/components/family-portal/access-code-panel";
import type { SlipText } from "@/components/family-portal/access-code-slip";
import { officeContactLabels } from "@/components/settings/office-contact-details";
import { accessCodeIssuedAt } from "@/lib/family-portal/issue-access-code";
import { familyPortalUrl, qrCodeDataUrl } from "@/lib/family-portal/portal-address";
import { getDb } from "@/lib/server/database";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { officeContactIn, type OfficeContactValues } from "@/lib/settings/office-contact-values";
import { issueFamilyAccessCode } from "./actions";

/** The slip's text in one language, with the portal's address, its QR code and the office's details. */
async function slipText(locale: Locale, contact: OfficeContactValues): Promise<SlipText> {
  const t = await getTranslations({ locale, namespace: "FamilyPortal.slip" });
  const portalUrl = familyPortalUrl(locale);
  return {
    title: t("title"),
    reference: t("reference"),
    code: t("code"),
    issuedOn: t.raw("issuedOn") as string,
    instructions: t("instructions"),
    portalLabel: t("portalAddress"),
    qrAlt: t("portalQr"),
    portalUrl,
    portalQr: portalUrl ? await qrCodeDataUrl(portalUrl) : null,
    contact: officeContactIn(contact, locale),
    contactLabels: await officeContactLabels(locale),
  };
}

/** "Portal access code" on the family page, for the roles that may issue one. */
export async function AccessCodeSection({ familyId }: { familyId: string }) {
  const db = await getDb();
  const [t, issuedAt, contact] = await Promise.all([getTranslations("FamilyPortal.staff"), accessCodeIssuedAt(db, familyId), getOfficeContact(db)]);
  const [ar, en] = await Promise.all([slipText("ar", contact), slipText("en", contact)]);
  return (
    <section id="portal-access-code" className="space-y-3 rounded border border-line p-4" aria-labelledby="portal-access-code-title">
      <h2 id="portal-access-code-title" className="text-xl font-semibold">{t("title")}</h2>
      <AccessCodePanel familyId={familyId} issuedAt={issuedAt?.toISOString() ?? null} action={issueFamilyAccessCode} slipText={{ ar, en }} />
    </section>
  );
}
