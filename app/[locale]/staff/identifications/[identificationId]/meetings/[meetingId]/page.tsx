import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { MeetingSummary } from "@/components/identifications/meeting-summary";
import { PrintPageButton } from "@/components/identifications/print-page-button";
import { recordPageRead } from "@/lib/audit/record-read";
import { requirePageRead } from "@/lib/auth/page-guard";
import { listNotificationMeetings } from "@/lib/identifications/meetings";
import { getIdentification } from "@/lib/identifications/queries";
import { getDb } from "@/lib/server/database";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** The family's printed summary of one meeting, in Arabic and in English. */
async function MeetingSummaryPage({ params }: { params: Promise<{ locale: Locale; identificationId: string; meetingId: string }> }) {
  const { locale, identificationId, meetingId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const db = await getDb();
  const [details, meetings, contact] = await Promise.all([getIdentification(read, db, identificationId), listNotificationMeetings(read, db, identificationId), getOfficeContact(db)]);
  const meeting = meetings.find((candidate) => candidate.id === meetingId);
  if (!details || !meeting) notFound();
  await recordPageRead(read.session, "identification", [identificationId]);
  const t = await getTranslations("Identifications");
  return (
    <section className="mx-auto max-w-2xl space-y-6" data-print-receipt data-testid="meeting-summary">
      <h1 className="text-2xl font-semibold print:hidden">{t("summaryPageTitle")}</h1>
      <PrintPageButton />
      <MeetingSummary locale="ar" meeting={meeting} person={details.person} contact={contact} />
      <MeetingSummary locale="en" meeting={meeting} person={details.person} contact={contact} />
    </section>
  );
}

export default withStaffPageMessages("/staff/identifications/[identificationId]/meetings/[meetingId]", MeetingSummaryPage);
