import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AuditedPrintButton } from "@/components/people/audited-print-button";
import { SampleInvitationLetter } from "@/components/people/sample-invitation-letter";
import { requirePageRead } from "@/lib/auth/page-guard";
import { getSampleInvitation } from "@/lib/people/sample-invitation";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { recordPageRead } from "@/lib/audit/record-read";
import { printSampleInvitation } from "../../../families/actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** The letter inviting a relative to give a reference sample, in Arabic and English; printing goes through an audited action. */
async function SampleInvitationPage({ params }: { params: Promise<{ locale: Locale; donorId: string }> }) {
  const { locale, donorId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "personalData.export");
  const db = await getDb();
  const [invitation, contact, t] = await Promise.all([getSampleInvitation(read, db, donorId), getOfficeContact(db), getTranslations("People")]);
  if (!invitation) notFound();
  await recordPageRead(read.session, "family", [invitation.familyId]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="mx-auto max-w-2xl space-y-6" data-print-receipt data-testid="sample-invitation">
      <Link href={`/staff/families/${invitation.familyId}`} className="text-accent underline print:hidden">
        {t("invitation.back")}
      </Link>
      {invitation.sampledOn !== null ? (
        <p role="status" data-testid="invitation-already-sampled">
          {t("invitation.alreadySampledOn", { date: formatDate(locale, invitation.sampledOn) })}
        </p>
      ) : (
        <>
          <AuditedPrintButton action={printSampleInvitation} input={{ donorId: invitation.donorId }} label={t("invitation.print")} testId="print-invitation" />
          <SampleInvitationLetter invitation={invitation} locale="ar" contact={contact} today={today} />
          <SampleInvitationLetter invitation={invitation} locale="en" contact={contact} today={today} />
        </>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/donors/[donorId]/invitation", SampleInvitationPage);
