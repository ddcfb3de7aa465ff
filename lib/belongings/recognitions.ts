import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { belongingRecognitions, belongingViewingSessions, families, missingPersons, personalEffects, remains } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";

/** The missing person's name as one line, parts in their customary order. */
const personName = sql<string>`concat_ws(' ', nullif(${missingPersons.givenName}, ''), nullif(${missingPersons.fatherName}, ''), nullif(${missingPersons.grandfatherName}, ''), nullif(${missingPersons.familyName}, ''))`;

const leadColumns = {
  id: belongingRecognitions.id,
  effectId: belongingRecognitions.effectId,
  category: personalEffects.category,
  description: personalEffects.description,
  remainsId: remains.id,
  remainsCode: remains.code,
  missingPersonId: missingPersons.id,
  caseNumber: missingPersons.caseNumber,
  personName,
  recognisedBy: belongingRecognitions.recognisedBy,
  words: belongingRecognitions.words,
  source: belongingRecognitions.source,
  createdAt: belongingRecognitions.createdAt,
  followedUpAt: belongingRecognitions.followedUpAt,
  followUpNote: belongingRecognitions.followUpNote,
};

function leads(db: Executor) {
  return db
    .select(leadColumns)
    .from(belongingRecognitions)
    .innerJoin(personalEffects, eq(personalEffects.id, belongingRecognitions.effectId))
    .innerJoin(remains, eq(remains.id, personalEffects.remainsId))
    .innerJoin(missingPersons, eq(missingPersons.id, belongingRecognitions.missingPersonId));
}

export type RecognitionLead = Awaited<ReturnType<ReturnType<typeof leads>["execute"]>>[number];

const validId = (value: string) => z.uuid().safeParse(value).success;

async function recognitionsOfRemainsQuery(db: Executor, remainsId: string): Promise<RecognitionLead[]> {
  if (!validId(remainsId)) return [];
  return leads(db).where(eq(remains.id, remainsId)).orderBy(desc(belongingRecognitions.createdAt));
}

async function recognitionsOfPersonQuery(db: Executor, missingPersonId: string): Promise<RecognitionLead[]> {
  if (!validId(missingPersonId)) return [];
  return leads(db).where(eq(missingPersons.id, missingPersonId)).orderBy(desc(belongingRecognitions.createdAt));
}

/** The forensic team's queue: recognitions nobody has followed up yet, oldest first. */
async function openRecognitionsQuery(db: Executor): Promise<RecognitionLead[]> {
  return leads(db).where(isNull(belongingRecognitions.followedUpAt)).orderBy(asc(belongingRecognitions.createdAt)).limit(500);
}

/** A viewing session with its family's reference and the missing persons it may recognise items for. */
async function getViewingSessionQuery(db: Executor, viewingSessionId: string) {
  if (!validId(viewingSessionId)) return null;
  const [viewing] = await db
    .select({ id: belongingViewingSessions.id, familyId: families.id, reference: families.reference, closedAt: belongingViewingSessions.closedAt })
    .from(belongingViewingSessions)
    .innerJoin(families, eq(families.id, belongingViewingSessions.familyId))
    .where(eq(belongingViewingSessions.id, viewingSessionId));
  if (!viewing) return null;
  const persons = await db
    .select({ id: missingPersons.id, caseNumber: missingPersons.caseNumber, name: personName })
    .from(missingPersons)
    .where(and(eq(missingPersons.familyId, viewing.familyId), isNull(missingPersons.voidedAt)))
    .orderBy(asc(missingPersons.caseNumber));
  return { ...viewing, persons };
}

export const recognitionsOfRemains = defineRead("belongings.view", recognitionsOfRemainsQuery);
export const recognitionsOfPerson = defineRead("belongings.view", recognitionsOfPersonQuery);
export const openRecognitions = defineRead("belongings.view", openRecognitionsQuery);
export const getViewingSession = defineRead("belongings.view", getViewingSessionQuery);

/** Whether staff have switched the Book of Belongings on in this family's portal. */
async function familyRemoteViewingQuery(db: Executor, familyId: string): Promise<boolean> {
  if (!validId(familyId)) return false;
  const [family] = await db.select({ remoteViewing: families.remoteViewing }).from(families).where(eq(families.id, familyId));
  return family?.remoteViewing ?? false;
}

export const familyRemoteViewing = defineRead("people.read", familyRemoteViewingQuery);
