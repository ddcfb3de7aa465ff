import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { donorRelationships, families, missingPersons, policeReportPersons, policeReports, referenceDonors } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";

/** The record a case number stands for today: itself, or the person it was merged into. */
async function resolveCaseNumberQuery(db: Executor, caseNumber: string): Promise<string | null> {
  const [row] = await db
    .select({ id: sql<string>`coalesce(${missingPersons.mergedIntoId}, ${missingPersons.id})` })
    .from(missingPersons)
    .where(eq(missingPersons.caseNumber, caseNumber.trim().toUpperCase()));
  return row?.id ?? null;
}

function reportsNaming(db: Executor, missingPersonId: string) {
  return db
    .select({ id: policeReports.id, station: policeReports.station, reportNumber: policeReports.reportNumber, filedOn: policeReports.filedOn, category: policeReports.category })
    .from(policeReportPersons)
    .innerJoin(policeReports, eq(policeReports.id, policeReportPersons.reportId))
    .where(and(eq(policeReportPersons.missingPersonId, missingPersonId), isNull(policeReports.voidedAt)))
    .orderBy(asc(policeReports.filedOn));
}

function donorsFor(db: Executor, missingPersonId: string) {
  return db
    .select({ id: referenceDonors.id, givenName: referenceDonors.givenName, familyName: referenceDonors.familyName, relationship: donorRelationships.relationship })
    .from(donorRelationships)
    .innerJoin(referenceDonors, eq(referenceDonors.id, donorRelationships.donorId))
    .where(eq(donorRelationships.missingPersonId, missingPersonId));
}

async function getMissingPersonDetailsQuery(db: Executor, missingPersonId: string) {
  if (!z.uuid().safeParse(missingPersonId).success) return null;
  const [person] = await db
    .select({ person: missingPersons, familyReference: families.reference })
    .from(missingPersons)
    .leftJoin(families, eq(families.id, missingPersons.familyId))
    .where(eq(missingPersons.id, missingPersonId));
  if (!person) return null;
  const [reports, donors, mergedFrom] = await Promise.all([
    reportsNaming(db, missingPersonId),
    donorsFor(db, missingPersonId),
    db.select({ caseNumber: missingPersons.caseNumber }).from(missingPersons).where(eq(missingPersons.mergedIntoId, missingPersonId)),
  ]);
  return { ...person.person, familyReference: person.familyReference, reports, donors, mergedFrom: mergedFrom.map((row) => row.caseNumber) };
}

export type MissingPersonDetails = NonNullable<Awaited<ReturnType<typeof getMissingPersonDetailsQuery>>>;

export const getMissingPersonDetails = defineRead("people.read", getMissingPersonDetailsQuery);
export const resolveCaseNumber = defineRead("people.read", resolveCaseNumberQuery);
