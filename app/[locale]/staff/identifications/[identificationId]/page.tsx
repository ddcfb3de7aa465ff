import type { Locale } from "next-intl";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecordHistory } from "@/components/forensic/record-history";
import { IdentificationDetails } from "@/components/identifications/identification-details";
import { MeetingForm } from "@/components/identifications/meeting-form";
import { MeetingsList } from "@/components/identifications/meetings-list";
import { NextSteps } from "@/components/identifications/next-steps";
import { can } from "@/lib/auth/permissions";
import { todayInLibya } from "@/lib/forensic/dates";
import { listNotificationMeetings } from "@/lib/identifications/meetings";
import { recordPageRead } from "@/lib/audit/record-read";
import { requirePageRead } from "@/lib/auth/page-guard";
import { getRecordHistory } from "@/lib/forensic/record-history";
import { donorNamesFor } from "@/lib/identifications/choices";
import { IDENTIFICATION_ENTITY } from "@/lib/identifications/propose";
import { getIdentification } from "@/lib/identifications/queries";
import { getDb } from "@/lib/server/database";
import {
  confirmIdentification,
  recordMeeting,
  recordNotification,
  recordReturn,
  rejectIdentification,
  retractIdentification,
} from "../actions";
import { withIsolatedValues } from "@/components/layout/ltr-text";

interface IdentificationPageProps {
  params: Promise<{ locale: Locale; identificationId: string }>;
}

const STEP_ACTIONS = {
  confirm: confirmIdentification,
  reject: rejectIdentification,
  retract: retractIdentification,
  recordNotification,
  recordReturn,
};

export default async function IdentificationPage({ params }: IdentificationPageProps) {
  const { locale, identificationId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const db = await getDb();
  const details = await getIdentification(read, db, identificationId);
  if (!details) notFound();
  await recordPageRead(session, "identification", [identificationId]);
  const [t, history, donorNames, meetings] = await Promise.all([
    getTranslations("Identifications"),
    getRecordHistory(read, db, IDENTIFICATION_ENTITY, details.identification.id),
    donorNamesFor(read, db, details.person.id),
    listNotificationMeetings(read, db, details.identification.id),
  ]);
  // The family is met once the identification is confirmed, and may be met again later.
  const meetingsOpen = ["confirmed", "family_notified", "remains_returned"].includes(details.identification.status);
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold" data-testid="identification-heading">
        {withIsolatedValues((values) => t("detailTitle", values), { code: details.body.code })}
      </h1>
      <IdentificationDetails details={details} locale={locale} />
      <NextSteps details={details} session={session} donorNames={donorNames} actions={STEP_ACTIONS} />
      {meetingsOpen && (
        <section className="space-y-3" aria-labelledby="meetings-title">
          <h2 id="meetings-title" className="text-xl font-semibold">{t("meetingsTitle")}</h2>
          <MeetingsList meetings={meetings} identificationId={details.identification.id} locale={locale} />
          {can(session.role, "identification.notify") && (
            <details className="rounded border border-line p-4">
              <summary className="cursor-pointer font-medium">{t("meetingAdd")}</summary>
              <MeetingForm identificationId={details.identification.id} today={todayInLibya()} signedInName={session.displayName} action={recordMeeting} />
            </details>
          )}
        </section>
      )}
      <RecordHistory entries={history} locale={locale} />
    </article>
  );
}
