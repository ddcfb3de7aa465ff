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
import { referencedIds, resolveRecordReferences } from "@/lib/audit/record-references";
import {
  confirmIdentification,
  addFollowUp,
  completeFollowUp,
  issueDocument,
  recordHandover,
  recordMeeting,
  recordNotification,
  recordReturn,
  rejectIdentification,
  retractIdentification,
} from "../actions";
import { withIsolatedValues } from "@/components/layout/ltr-text";
import { AftercareSections } from "@/components/aftercare/aftercare-sections";
import { AFTER_NOTIFICATION_STATUSES } from "@/lib/aftercare/after-notification";
import { listIssuedDocuments } from "@/lib/aftercare/documents";
import { listFollowUps } from "@/lib/aftercare/follow-ups";
import { getRemainsHandover, listEffectsForHandover } from "@/lib/aftercare/handover";
import type { ReadAccess } from "@/lib/auth/read-access";
import { dateToLibyanLocalTime } from "@/lib/forensic/dates";
import type { IdentificationDetails as Details } from "@/lib/identifications/queries";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface IdentificationPageProps {
  params: Promise<{ locale: Locale; identificationId: string }>;
  searchParams: Promise<{ scan?: string | string[] }>;
}

const STEP_ACTIONS = {
  confirm: confirmIdentification,
  reject: rejectIdentification,
  retract: retractIdentification,
  recordNotification,
  recordReturn,
};

async function IdentificationPage({ params, searchParams }: IdentificationPageProps) {
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
  const aftercareOpen = AFTER_NOTIFICATION_STATUSES.includes(details.identification.status);
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
      {aftercareOpen && <Aftercare read={read} details={details} locale={locale} scan={(await searchParams).scan} />}
      <RecordHistory entries={history} locale={locale} storedEntry={can(session.role, "audit.read")} entity={IDENTIFICATION_ENTITY} references={await resolveRecordReferences(session, db, referencedIds(history.map((entry) => ({ ...entry, entityId: null }))))} />
    </article>
  );
}

/** The handover, letters and follow-ups, once the family has been told in person. */
async function Aftercare({ read, details, locale, scan }: { read: ReadAccess<"people.read">; details: Details; locale: Locale; scan: string | string[] | undefined }) {
  const { session } = read;
  const db = await getDb();
  const identificationId = details.identification.id;
  const [handover, effects, documents, followUps, forensic] = await Promise.all([
    getRemainsHandover(read, db, identificationId),
    listEffectsForHandover(read, db, details.body.id),
    listIssuedDocuments(read, db, identificationId),
    listFollowUps(read, db, identificationId),
    getTranslations("Forensic"),
  ]);
  const mayAct = can(session.role, "identification.notify");
  return (
    <AftercareSections
      identificationId={identificationId}
      locale={locale}
      handover={handover}
      effects={effects.map((effect) => ({ id: effect.id, kindLabel: forensic(`effectKinds.${effect.kind}`), description: effect.description }))}
      documents={documents}
      followUps={followUps}
      now={dateToLibyanLocalTime(new Date()).slice(0, 16)}
      today={todayInLibya()}
      signedInName={session.displayName}
      scanOutcome={typeof scan === "string" ? scan : null}
      actions={mayAct ? { recordHandover, issueDocument, addFollowUp, completeFollowUp } : null}
      canOpenFiles={can(session.role, "personalData.export")}
    />
  );
}

export default withStaffPageMessages("/staff/identifications/[identificationId]", IdentificationPage);
