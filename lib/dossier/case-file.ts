import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  custodyEvents,
  dnaSamples,
  donorRelationships,
  families,
  graveSites,
  identifications,
  missingPersons,
  personalEffects,
  policeReportPersons,
  policeReports,
  remains,
  users,
} from "@/db/schema";
import { reportDataWithheld } from "@/lib/online-reports/consent-use";
import { loadCitedFrequencyTables, type CitedFrequencyTable } from "./dna-evidence";

export const DOSSIER_SUBJECTS = ["person", "remains", "identification"] as const;
export type DossierSubject = (typeof DOSSIER_SUBJECTS)[number];

/** Every record a prosecutor needs for one case, gathered from the person, the body or the identification. */
export interface CaseFile {
  subject: DossierSubject;
  subjectId: string;
  /**
   * `reportDataWithheld`: the person's record was made from an online report whose consent (c) to
   * pass it to the prosecution does not hold (never given, or withdrawn): the dossier names the case
   * and leaves out what the reporter gave (docs/CONSENT.md).
   */
  persons: (typeof missingPersons.$inferSelect & { familyReference: string | null; familyContact: string | null; reportDataWithheld: boolean })[];
  reports: (typeof policeReports.$inferSelect)[];
  remains: (typeof remains.$inferSelect & { siteCode: string; siteNameAr: string; siteNameEn: string })[];
  effects: (typeof personalEffects.$inferSelect)[];
  custody: (typeof custodyEvents.$inferSelect)[];
  samples: (typeof dnaSamples.$inferSelect)[];
  identifications: (typeof identifications.$inferSelect)[];
  /** The frequency tables behind the likelihood ratios cited, by id. */
  frequencyTables: Map<string, CitedFrequencyTable>;
  userNames: Map<string, string>;
}

const none = ["00000000-0000-0000-0000-000000000000"];
const ids = (values: readonly string[]) => (values.length > 0 ? [...new Set(values)] : none);

/** The people and bodies the dossier covers: the subject, and whatever an identification links to it. */
async function subjects(db: Executor, subject: DossierSubject, subjectId: string): Promise<{ personIds: string[]; remainsIds: string[] } | null> {
  if (subject === "identification") {
    const [found] = await db.select().from(identifications).where(eq(identifications.id, subjectId));
    return found ? { personIds: [found.missingPersonId], remainsIds: [found.remainsId] } : null;
  }
  const column = subject === "person" ? identifications.missingPersonId : identifications.remainsId;
  const table = subject === "person" ? missingPersons : remains;
  const [exists] = await db.select({ id: table.id }).from(table).where(eq(table.id, subjectId));
  if (!exists) return null;
  const linked = await db.select().from(identifications).where(eq(column, subjectId));
  return subject === "person"
    ? { personIds: [subjectId], remainsIds: linked.map((row) => row.remainsId) }
    : { personIds: linked.map((row) => row.missingPersonId), remainsIds: [subjectId] };
}

async function samplesOf(db: Executor, personIds: string[], remainsIds: string[]) {
  const donors = await db.select({ donorId: donorRelationships.donorId }).from(donorRelationships).where(inArray(donorRelationships.missingPersonId, ids(personIds)));
  return db
    .select()
    .from(dnaSamples)
    .where(or(inArray(dnaSamples.remainsId, ids(remainsIds)), inArray(dnaSamples.donorId, ids(donors.map((row) => row.donorId)))))
    .orderBy(asc(dnaSamples.barcode));
}

async function namesOf(db: Executor, userIds: (string | null)[]): Promise<Map<string, string>> {
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids(userIds.filter((id): id is string => id !== null))));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function loadCaseFile(db: Executor, subject: DossierSubject, subjectId: string): Promise<CaseFile | null> {
  const found = await subjects(db, subject, subjectId);
  if (!found) return null;
  const { personIds, remainsIds } = found;
  const [persons, reports, bodies, effects, samples, history] = await Promise.all([
    db
      .select({
        person: missingPersons,
        familyReference: families.reference,
        familyContact: families.contactName,
        reportDataWithheld: sql<boolean>`${reportDataWithheld("prosecution", sql`missing_persons.id`)}`.mapWith(Boolean),
      })
      .from(missingPersons)
      .leftJoin(families, eq(families.id, missingPersons.familyId))
      .where(inArray(missingPersons.id, ids(personIds))),
    db
      .selectDistinct({ report: policeReports })
      .from(policeReports)
      .innerJoin(policeReportPersons, eq(policeReportPersons.reportId, policeReports.id))
      .where(and(inArray(policeReportPersons.missingPersonId, ids(personIds)), isNull(policeReports.voidedAt)))
      .orderBy(asc(policeReports.filedOn), asc(policeReports.reportNumber)),
    db
      .select({ body: remains, siteCode: graveSites.code, siteNameAr: graveSites.nameAr, siteNameEn: graveSites.nameEn })
      .from(remains)
      .innerJoin(graveSites, eq(graveSites.id, remains.siteId))
      .where(inArray(remains.id, ids(remainsIds))),
    db.select().from(personalEffects).where(and(inArray(personalEffects.remainsId, ids(remainsIds)), isNull(personalEffects.voidedAt))),
    samplesOf(db, personIds, remainsIds),
    db.select().from(identifications).where(or(inArray(identifications.missingPersonId, ids(personIds)), inArray(identifications.remainsId, ids(remainsIds)))).orderBy(desc(identifications.proposedAt)),
  ]);
  const custody = await db
    .select()
    .from(custodyEvents)
    .where(or(inArray(custodyEvents.remainsId, ids(remainsIds)), inArray(custodyEvents.sampleId, ids(samples.map((sample) => sample.id)))))
    .orderBy(asc(custodyEvents.occurredAt));
  const actors = history.flatMap((row) => [row.proposedBy, row.confirmedBy, row.notifiedBy, row.rejectedBy, row.retractedBy]);
  return {
    subject,
    subjectId,
    persons: persons.map((row) => ({ ...row.person, familyReference: row.familyReference, familyContact: row.familyContact, reportDataWithheld: row.reportDataWithheld })),
    reports: reports.map((row) => row.report),
    remains: bodies.map((row) => ({ ...row.body, siteCode: row.siteCode, siteNameAr: row.siteNameAr, siteNameEn: row.siteNameEn })),
    effects,
    custody,
    samples,
    identifications: history,
    frequencyTables: await loadCitedFrequencyTables(db, history),
    userNames: await namesOf(db, [...actors, ...custody.map((event) => event.recordedBy)]),
  };
}
