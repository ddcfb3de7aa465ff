import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { identifications, notificationMeetings, users } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { defineRead } from "@/lib/auth/read-access";
import { todayInLibya } from "@/lib/forensic/dates";
import type { NotificationMeetingValues } from "./meeting-values";
import { IDENTIFICATION_ENTITY } from "./propose";

/** A family is met about an identification only once it is confirmed (or later on its way). */
const MEETING_STATUSES = new Set(["confirmed", "family_notified", "remains_returned"]);

/** Records a meeting with the family; audited on the identification, so its history shows it. */
export async function recordNotificationMeeting({ input, session, tx, audit }: ActionContext<NotificationMeetingValues>): Promise<{ meetingId: string }> {
  const [identification] = await tx.select().from(identifications).where(eq(identifications.id, input.identificationId)).for("update");
  if (!identification) throw new ActionRefusal("notFound", "Actions.notFound");
  if (!MEETING_STATUSES.has(identification.status)) throw new ActionRefusal("refused", "Identifications.meetingBeforeConfirmation");
  const confirmedOn = identification.confirmedAt ? todayInLibya(identification.confirmedAt) : null;
  if (confirmedOn && input.heldOn < confirmedOn) throw new ActionRefusal("invalid", "Actions.invalid", { heldOn: "Identifications.meetingBeforeConfirmedDate" });
  const { identificationId, ...meeting } = input;
  const [saved] = await tx.insert(notificationMeetings).values({ ...meeting, identificationId, recordedBy: session.userId }).returning();
  if (!saved) throw new Error("the meeting was not saved");
  await audit({ action: "identification.meeting", entity: IDENTIFICATION_ENTITY, entityId: identificationId, after: { meetingId: saved.id, ...meeting } });
  return { meetingId: saved.id };
}

function meetingsQuery(db: Executor, identificationId: string) {
  return db
    .select({
      id: notificationMeetings.id,
      heldOn: notificationMeetings.heldOn,
      place: notificationMeetings.place,
      staffPresent: notificationMeetings.staffPresent,
      familyPresent: notificationMeetings.familyPresent,
      interpreter: notificationMeetings.interpreter,
      supportOffered: notificationMeetings.supportOffered,
      supportAccepted: notificationMeetings.supportAccepted,
      explanation: notificationMeetings.explanation,
      familyQuestions: notificationMeetings.familyQuestions,
      followUps: notificationMeetings.followUps,
      remainsWishes: notificationMeetings.remainsWishes,
      recordedByName: users.displayName,
    })
    .from(notificationMeetings)
    .innerJoin(users, eq(users.id, notificationMeetings.recordedBy))
    .where(eq(notificationMeetings.identificationId, identificationId))
    .orderBy(asc(notificationMeetings.heldOn), asc(notificationMeetings.createdAt));
}

export type NotificationMeetingRow = Awaited<ReturnType<typeof meetingsQuery>>[number];

/** The meetings held with the family about one identification, oldest first. */
export const listNotificationMeetings = defineRead("people.read", meetingsQuery);
