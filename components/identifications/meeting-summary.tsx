import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { fullArabicName } from "@/components/people/person-name";
import { formatDate } from "@/lib/i18n/format";
import type { NotificationMeetingRow } from "@/lib/identifications/meetings";
import { officeContactIn, type OfficeContactValues } from "@/lib/settings/office-contact-values";
import { Letterhead } from "@/components/print/letterhead";

interface MeetingSummaryProps {
  locale: Locale;
  meeting: NotificationMeetingRow;
  person: { caseNumber: string; givenName: string; fatherName: string | null; grandfatherName: string | null; familyName: string | null };
  contact: OfficeContactValues;
}

/** The family's copy of a meeting, in one language: what they were told and whom to call. */
export async function MeetingSummary({ locale, meeting, person, contact }: MeetingSummaryProps) {
  const [t, common] = await Promise.all([getTranslations({ locale, namespace: "Identifications" }), getTranslations({ locale, namespace: "Common" })]);
  const name = fullArabicName({
    givenName: person.givenName,
    fatherName: person.fatherName ?? undefined,
    grandfatherName: person.grandfatherName ?? undefined,
    familyName: person.familyName ?? undefined,
  });
  const row = (label: string, value: string) =>
    value ? (
      <>
        <dt className="font-medium">{label}</dt>
        <dd dir="auto" className="whitespace-pre-line">{value}</dd>
      </>
    ) : null;
  return (
    <article lang={locale} dir={locale === "ar" ? "rtl" : "ltr"} className="space-y-3 rounded border border-line p-4 print:border-0" data-testid={`meeting-summary-${locale}`}>
      <Letterhead lines={officeContactIn(contact, locale)} fallbackName={common("appName")} />
      <h2 className="text-xl font-semibold">{t("summaryTitle")}</h2>
      <p>{t("summaryPerson", { name, caseNumber: person.caseNumber })}</p>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {row(t("meetingHeldOn"), formatDate(locale, meeting.heldOn))}
        {row(t("meetingPlace"), meeting.place)}
        {row(t("meetingStaffPresent"), meeting.staffPresent)}
        {row(t("meetingFamilyPresent"), meeting.familyPresent)}
        {row(t("meetingInterpreter"), meeting.interpreter)}
        {row(t("meetingSupport"), meeting.supportOffered ? (meeting.supportAccepted ? t("summarySupportAccepted") : t("summarySupportOffered")) : t("summarySupportNone"))}
        {row(t("meetingExplanation"), meeting.explanation)}
        {row(t("meetingQuestions"), meeting.familyQuestions)}
        {row(t("meetingFollowUps"), meeting.followUps)}
        {row(t("meetingWishes"), meeting.remainsWishes)}
      </dl>
      {contact.phone && <p>{t("summaryContact", { phone: contact.phone })}</p>}
    </article>
  );
}
