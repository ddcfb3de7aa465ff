import "server-only";
import { asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { familyFollowUps, identifications, missingPersons } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { defineRead } from "@/lib/auth/read-access";
import { todayInLibya } from "@/lib/forensic/dates";
import { IDENTIFICATION_ENTITY } from "@/lib/identifications/propose";
import { lockInformedIdentification } from "./after-notification";
import type { AddFollowUpValues, CompleteFollowUpValues, FollowUpKind } from "./aftercare-values";

/** Adds a family's question or a promise made to them, due by a date; audited on the identification. */
export async function addFollowUpRecord({ input, session, tx, audit }: ActionContext<AddFollowUpValues>): Promise<{ followUpId: string }> {
  await lockInformedIdentification(tx, input.identificationId, "Aftercare.followUpBeforeNotification");
  const [saved] = await tx.insert(familyFollowUps).values({ ...input, recordedBy: session.userId }).returning({ id: familyFollowUps.id });
  if (!saved) throw new Error("the follow-up was not saved");
  await audit({ action: "identification.followUpAdded", entity: IDENTIFICATION_ENTITY, entityId: input.identificationId, after: { followUpId: saved.id, kind: input.kind, description: input.description, dueOn: input.dueOn } });
  return { followUpId: saved.id };
}

/** Marks an item done, once, over the version the user saw; audited on its identification. */
export async function completeFollowUpRecord({ input, session, tx, audit }: ActionContext<CompleteFollowUpValues>): Promise<{ followUpId: string }> {
  const [current] = await tx.select().from(familyFollowUps).where(eq(familyFollowUps.id, input.followUpId)).for("update");
  if (!current) throw new ActionRefusal("notFound", "Actions.notFound");
  if (current.doneOn) throw new ActionRefusal("refused", "Aftercare.followUpAlreadyDone");
  if (current.version !== input.version) throw new ActionRefusal("conflict", "Actions.conflict");
  const doneOn = todayInLibya();
  await tx
    .update(familyFollowUps)
    .set({ doneOn, doneNote: input.doneNote, doneBy: session.userId, version: current.version + 1, updatedAt: new Date() })
    .where(eq(familyFollowUps.id, current.id));
  await audit({ action: "identification.followUpDone", entity: IDENTIFICATION_ENTITY, entityId: current.identificationId, before: { followUpId: current.id, doneOn: null }, after: { followUpId: current.id, doneOn, doneNote: input.doneNote } });
  return { followUpId: current.id };
}

async function followUpsQuery(db: Executor, identificationId: string) {
  const rows = await db
    .select({ id: familyFollowUps.id, kind: familyFollowUps.kind, description: familyFollowUps.description, dueOn: familyFollowUps.dueOn, doneOn: familyFollowUps.doneOn, doneNote: familyFollowUps.doneNote, version: familyFollowUps.version })
    .from(familyFollowUps)
    .where(eq(familyFollowUps.identificationId, identificationId))
    .orderBy(asc(familyFollowUps.dueOn), asc(familyFollowUps.createdAt));
  return rows.map((row) => ({ ...row, kind: row.kind as FollowUpKind }));
}

export type FamilyFollowUp = Awaited<ReturnType<typeof followUpsQuery>>[number];

/** One identification's questions and promised actions, open and done, by due date. */
export const listFollowUps = defineRead("people.read", followUpsQuery);

const QUEUE_LIMIT = 20;

export interface FollowUpQueueItem {
  id: string;
  identificationId: string;
  caseNumber: string;
  kind: FollowUpKind;
  description: string;
  dueOn: string;
  overdue: boolean;
}

/** The open items of every family, soonest due first: the dashboard's follow-up work queue. */
async function followUpQueueQuery(db: Executor, today: string = todayInLibya()): Promise<FollowUpQueueItem[]> {
  const rows = await db
    .select({ id: familyFollowUps.id, identificationId: familyFollowUps.identificationId, caseNumber: missingPersons.caseNumber, kind: familyFollowUps.kind, description: familyFollowUps.description, dueOn: familyFollowUps.dueOn })
    .from(familyFollowUps)
    .innerJoin(identifications, eq(identifications.id, familyFollowUps.identificationId))
    .innerJoin(missingPersons, eq(missingPersons.id, identifications.missingPersonId))
    .where(isNull(familyFollowUps.doneOn))
    .orderBy(asc(familyFollowUps.dueOn), asc(familyFollowUps.createdAt))
    .limit(QUEUE_LIMIT);
  return rows.map((row) => ({ ...row, kind: row.kind as FollowUpKind, overdue: row.dueOn < today }));
}

export const getFollowUpQueue = defineRead("dashboard.read", followUpQueueQuery);
