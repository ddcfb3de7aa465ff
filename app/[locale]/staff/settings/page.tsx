import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApprovalPolicyForm } from "@/components/settings/approval-policy-form";
import { OfficeContactForm } from "@/components/settings/office-contact-form";
import { getApprovalPolicy } from "@/lib/approvals/policy";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { getDb } from "@/lib/server/database";
import { updateApprovalPolicy, updateOfficeContact } from "./actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** The office's contact details that families see on the portal, the slip and the receipt. */
async function SettingsPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePagePermission(locale, "settings.manage");
  const db = await getDb();
  const [t, tApprovals, contact, policy] = await Promise.all([getTranslations("Settings"), getTranslations("Approvals"), getOfficeContact(db), getApprovalPolicy(db)]);
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <OfficeContactForm action={updateOfficeContact} contact={contact} />
      <section aria-labelledby="approval-policy-heading" className="space-y-3">
        <h2 id="approval-policy-heading" className="text-xl font-semibold">
          {tApprovals("policyHeading")}
        </h2>
        <p className="text-muted">{tApprovals("policyIntro")}</p>
        <ApprovalPolicyForm policy={policy} action={updateApprovalPolicy} />
      </section>
    </section>
  );
}

export default withStaffPageMessages("/staff/settings", SettingsPage);
