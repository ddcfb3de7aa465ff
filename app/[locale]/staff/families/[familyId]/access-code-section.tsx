import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AccessCodePanel } from "@/components/family-portal/access-code-panel";
import type { SlipText } from "@/components/family-portal/access-code-slip";
import { SignInLockPanel } from "@/components/family-portal/sign-in-lock-panel";
import { officeContactLabels } from "@/components/settings/office-contact-details";
import { readAccessCodeIssuedAt } from "@/lib/family-portal/issue-access-code";
import { familyPortalUrl, qrCodeDataUrl } from "@/lib/family-portal/portal-address";
import { readFamilySignInLock } from "@/lib/family-portal/sign-in-lock";
import { formatDateTime } from "@/lib/i18n/format";
import { getDb } from "@/lib/server/database";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { officeContactIn, type OfficeContactValues } from "@/lib/settings/office-contact-values";
import { issueFamilyAccessCode, liftFamilySignInLock } from "./actions";
import type { ReadAccess } from "@/lib/auth/read-access";

/** The slip's text in one language, with the portal's address, its QR code and the office's details. */
async function slipText(locale: Locale, contact: OfficeContactValues): Promise<SlipText> {
  const [t, common, printed] = await Promise.all([
    getTranslations({ locale, namespace: "FamilyPortal.slip" }),
    getTranslations({ locale, namespace: "Common" }),
    getTranslations({ locale, namespace: "Settings.print" }),
  ]);
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
    appName: common("appName"),
    signatures: { staff: printed("signatureStaff"), recipient: printed("signatureRecipient"), stamp: printed("stamp") },
  };
}

/**
 * "Portal access code" on the family page, for the roles that may issue one: the code with its
 * slip, and the sign-in waits that wrong codes put on the family's reference, which the same roles
 * may lift.
 */
export async function AccessCodeSection({ access, familyId, locale }: { access: ReadAccess<"familyAccessCode.issue">; familyId: string; locale: Locale }) {
  const db = await getDb();
  const [t, issuedAt, lock, contact] = await Promise.all([
    getTranslations("FamilyPortal.staff"),
    readAccessCodeIssuedAt(access, db, familyId),
    readFamilySignInLock(access, db, familyId),
    getOfficeContact(db),
  ]);
  const [ar, en] = await Promise.all([slipText("ar", contact), slipText("en", contact)]);
  return (
    <section id="portal-access-code" className="space-y-3 rounded border border-line p-4" aria-labelledby="portal-access-code-title">
      <h2 id="portal-access-code-title" className="text-xl font-semibold">{t("title")}</h2>
      <AccessCodePanel familyId={familyId} issuedAt={issuedAt?.toISOString() ?? null} action={issueFamilyAccessCode} slipText={{ ar, en }} />
      <h3 className="pt-2 text-lg font-semibold">{t("lockTitle")}</h3>
      <SignInLockPanel
        familyId={familyId}
        waitingAddresses={lock.waitingAddresses}
        waitUntil={lock.waitUntil ? formatDateTime(locale, lock.waitUntil) : null}
        recentFailures={lock.recentFailures}
        action={liftFamilySignInLock}
      />
    </section>
  );
}
