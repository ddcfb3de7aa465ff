import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { antemortemRecords, missingPersons, personalEffects, postmortemRecords, referenceDonors, remains } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import { rankCandidates, type Candidate, type Ranking } from "./comparison";
import { antemortemProfile, postmortemProfile, type RecordedEffect } from "./profiles";

/** How many non-DNA leads a page lists: enough to scan, few enough that nobody reads it as a verdict. */
export const LEADS_SHOWN = 10;

async function getAntemortemRecordQuery(db: Executor, personId: string) {
  const [record] = await db
    .select({ record: antemortemRecords, informantGivenName: referenceDonors.givenName, informantFamilyName: referenceDonors.familyName })
    .from(antemortemRecords)
    .leftJoin(referenceDonors, eq(referenceDonors.id, antemortemRecords.informantDonorId))
    .where(eq(antemortemRecords.missingPersonId, personId));
  if (!record) return null;
  const informantDonorName = record.informantGivenName === null ? null : `${record.informantGivenName} ${record.informantFamilyName ?? ""}`.trim();
  return { ...record.record, informantDonorName };
}

async function getPostmortemRecordQuery(db: Executor, remainsId: string) {
  const [record] = await db.select().from(postmortemRecords).where(eq(postmortemRecords.remainsId, remainsId));
  return record ?? null;
}

export type AntemortemRecord = NonNullable<Awaited<ReturnType<typeof getAntemortemRecordQuery>>>;
export type PostmortemRecord = NonNullable<Awaited<ReturnType<typeof getPostmortemRecordQuery>>>;

/** Live effects by body: of one body, or of every live body (one query, no list of ids to outgrow). */
async function effectKindsByBody(db: Executor, remainsId: string | null): Promise<Map<string, RecordedEffect[]>> {
  const byBody = new Map<string, RecordedEffect[]>();
  const rows = await db
    .select({ remainsId: personalEffects.remainsId, kind: personalEffects.kind, category: personalEffects.category, colour: personalEffects.colour, material: personalEffects.material })
    .from(personalEffects)
    .innerJoin(remains, eq(remains.id, personalEffects.remainsId))
    .where(and(remainsId === null ? undefined : eq(personalEffects.remainsId, remainsId), isNull(personalEffects.voidedAt), isNull(remains.voidedAt)));
  for (const { remainsId: body, ...effect } of rows) byBody.set(body, [...(byBody.get(body) ?? []), effect]);
  return byBody;
}

export interface PersonLeadSubject {
  id: string;
  caseNumber: string;
  givenName: string;
  fatherName: string;
  familyName: string;
}

/** Missing persons still missing, live, with an AM record: the only ones the comparison can speak for. */
async function personCandidates(db: Executor): Promise<Candidate<PersonLeadSubject>[]> {
  const rows = await db
    .select({ person: missingPersons, record: antemortemRecords })
    .from(antemortemRecords)
    .innerJoin(missingPersons, eq(missingPersons.id, antemortemRecords.missingPersonId))
    .where(and(eq(missingPersons.status, "missing"), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)))
    .orderBy(asc(missingPersons.caseNumber));
  return rows.map(({ person, record }) => ({
    subject: { id: person.id, caseNumber: person.caseNumber, givenName: person.givenName, fatherName: person.fatherName, familyName: person.familyName },
    profile: antemortemProfile(person, record),
  }));
}

/** Missing persons ranked for one body; null when the body is unknown or voided. */
async function nonDnaLeadsForRemainsQuery(db: Executor, remainsId: string): Promise<Ranking<PersonLeadSubject> | null> {
  const [body] = await db.select().from(remains).where(and(eq(remains.id, remainsId), isNull(remains.voidedAt)));
  if (!body) return null;
  const [record, effects, candidates] = await Promise.all([getPostmortemRecordQuery(db, remainsId), effectKindsByBody(db, remainsId), personCandidates(db)]);
  return rankCandidates(postmortemProfile(body, record, effects.get(remainsId) ?? []), "pm", candidates, LEADS_SHOWN);
}

export interface BodyLeadSubject {
  id: string;
  code: string;
}

/** Bodies ranked for one person; null when the person has no AM record (nothing to compare). */
async function nonDnaLeadsForPersonQuery(db: Executor, personId: string): Promise<Ranking<BodyLeadSubject> | null> {
  const [row] = await db
    .select({ person: missingPersons, record: antemortemRecords })
    .from(antemortemRecords)
    .innerJoin(missingPersons, eq(missingPersons.id, antemortemRecords.missingPersonId))
    .where(eq(antemortemRecords.missingPersonId, personId));
  if (!row) return null;
  const bodies = await db
    .select({ body: remains, record: postmortemRecords })
    .from(remains)
    .leftJoin(postmortemRecords, eq(postmortemRecords.remainsId, remains.id))
    .where(isNull(remains.voidedAt))
    .orderBy(asc(remains.code));
  const effects = await effectKindsByBody(db, null);
  const candidates = bodies.map(({ body, record }) => ({
    subject: { id: body.id, code: body.code },
    profile: postmortemProfile(body, record, effects.get(body.id) ?? []),
  }));
  return rankCandidates(antemortemProfile(row.person, row.record), "am", candidates, LEADS_SHOWN);
}

export const getAntemortemRecord = defineRead("people.read", getAntemortemRecordQuery);
export const getPostmortemRecord = defineRead("forensic.read", getPostmortemRecordQuery);
/** Shows missing persons' names and case numbers: a people read. */
export const nonDnaLeadsForRemains = defineRead("people.read", nonDnaLeadsForRemainsQuery);
/** Shows body codes: a forensic read. */
export const nonDnaLeadsForPerson = defineRead("forensic.read", nonDnaLeadsForPersonQuery);
