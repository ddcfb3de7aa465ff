import "server-only";
import { and, asc, eq, inArray, isNull, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, identifications, missingPersons, policeReportPersons, policeReports, referenceDonors } from "@/db/schema";
import { familyAftercare, type FamilyAftercare } from "./aftercare";
import { buildTimeline, type PersonFacts, type PersonTimeline, type VisibleIdentificationStatus } from "./timeline";
import { personNameColumns } from "@/lib/people/person-columns";

export { identifiedCount } from "./identified-count";

const VISIBLE_STATUSES: VisibleIdentificationStatus[] = ["confirmed", "family_notified", "remains_returned"];

export interface FamilyPortalPerson extends PersonTimeline {
  caseNumber: string;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  birthYear: number | null;
  lastSeenOn: string | null;
  /** Another relative of the family bears the same name: the portal tells them apart by birth year and last-seen date. */
  sharesNameWithAnother: boolean;
  /** Once the family was told in person: the handover date and the letters issued (null before). */
  aftercare: FamilyAftercare | null;
}

function familyPersons(db: Executor, familyId: string) {
  return db
    .select({
      ...personNameColumns,
      birthYear: missingPersons.birthYear,
      lastSeenOn: missingPersons.lastSeenOn,
      createdAt: missingPersons.createdAt,
    })
    .from(missingPersons)
    .where(and(eq(missingPersons.familyId, familyId), isNull(missingPersons.mergedIntoId), isNull(missingPersons.voidedAt)))
    .orderBy(asc(missingPersons.caseNumber));
}

function firstReports(db: Executor, personIds: string[]) {
  return db
    .select({ personId: policeReportPersons.missingPersonId, filedOn: min(policeReports.filedOn) })
    .from(policeReportPersons)
    .innerJoin(policeReports, eq(policeReports.id, policeReportPersons.reportId))
    .where(and(inArray(policeReportPersons.missingPersonId, personIds), isNull(policeReports.voidedAt)))
    .groupBy(policeReportPersons.missingPersonId);
}

function referenceSamples(db: Executor, personIds: string[]) {
  return db
    .select({ personId: donorRelationships.missingPersonId, labStatus: dnaSamples.labStatus, collectedOn: dnaSamples.collectedOn, profiledOn: dnaSamples.profiledOn })
    .from(donorRelationships)
    .innerJoin(referenceDonors, and(eq(referenceDonors.id, donorRelationships.donorId), isNull(referenceDonors.voidedAt)))
    .innerJoin(dnaSamples, and(eq(dnaSamples.donorId, referenceDonors.id), eq(dnaSamples.kind, "reference"), isNull(dnaSamples.voidedAt)))
    .where(inArray(donorRelationships.missingPersonId, personIds));
}

/** Only the status and the two dates a family may know: no remains, evidence or staff. */
function visibleIdentifications(db: Executor, personIds: string[]) {
  return db
    .select({ personId: identifications.missingPersonId, status: identifications.status, notifiedOn: identifications.notifiedOn, returnedOn: identifications.returnedOn })
    .from(identifications)
    .where(and(inArray(identifications.missingPersonId, personIds), inArray(identifications.status, VISIBLE_STATUSES)));
}

function isVisible(status: string): status is VisibleIdentificationStatus {
  return (VISIBLE_STATUSES as string[]).includes(status);
}

function nameKey(person: { givenName: string; fatherName: string | null; grandfatherName: string | null; familyName: string | null }): string {
  return [person.givenName, person.fatherName, person.grandfatherName, person.familyName].map((part) => (part ?? "").trim()).join("|");
}

/** The family's own missing relatives (not voided, not merged away), each with its timeline. */
export async function getFamilyPortalStatus(db: Executor, familyId: string): Promise<FamilyPortalPerson[]> {
  const persons = await familyPersons(db, familyId);
  if (persons.length === 0) return [];
  const ids = persons.map((person) => person.id);
  const [reports, samples, found, aftercare] = await Promise.all([firstReports(db, ids), referenceSamples(db, ids), visibleIdentifications(db, ids), familyAftercare(db, ids)]);
  const namesInUse = new Map<string, number>();
  for (const person of persons) namesInUse.set(nameKey(person), (namesInUse.get(nameKey(person)) ?? 0) + 1);
  return persons.map(({ id, createdAt, ...person }) => {
    const identification = found.find((row) => row.personId === id);
    const facts: PersonFacts = {
      registeredOn: reports.find((row) => row.personId === id)?.filedOn ?? createdAt.toISOString().slice(0, 10),
      samples: samples.filter((row) => row.personId === id),
      identification: identification && isVisible(identification.status) ? { ...identification, status: identification.status } : null,
    };
    const timeline = buildTimeline(facts);
    const informed = timeline.outcome === "informed" || timeline.outcome === "returned";
    const after = informed ? (aftercare.get(id) ?? { handedOverOn: null, documents: [] }) : null;
    return { ...person, sharesNameWithAnother: (namesInUse.get(nameKey(person)) ?? 0) > 1, ...timeline, aftercare: after };
  });
}
