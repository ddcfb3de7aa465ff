import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { NotificationMeetingRow } from "@/lib/identifications/meetings";
import { Link } from "@/lib/i18n/navigation";

/** The meetings held with the family, each with a printable summary for them. */
export async function MeetingsList({ meetings, identificationId, locale }: { meetings: NotificationMeetingRow[]; identificationId: string; locale: Locale }) {
  const t = await getTranslations("Identifications");
  if (meetings.length === 0) return <p data-testid="no-meetings">{t("noMeetings")}</p>;
  return (
    <ul className="space-y-3" data-testid="meetings">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="space-y-1 rounded border border-line p-3">
          <p className="font-medium">{t("meetingOn", { date: formatDate(locale, meeting.heldOn), place: meeting.place })}</p>
          <p className="text-sm">{t("meetingPeople", { family: meeting.familyPresent, staff: meeting.staffPresent })}</p>
          <p dir="auto">{meeting.explanation}</p>
          {meeting.familyQuestions && <p dir="auto" className="text-sm">{t("meetingQuestions")}: {meeting.familyQuestions}</p>}
          {meeting.followUps && <p dir="auto" className="text-sm">{t("meetingFollowUps")}: {meeting.followUps}</p>}
          <Link href={`/staff/identifications/${identificationId}/meetings/${meeting.id}`} className="text-sm text-accent underline" data-testid="meeting-summary-link">
            {t("meetingSummaryLink")}
          </Link>
        </li>
      ))}
    </ul>
  );
}
