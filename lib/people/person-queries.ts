import "server-only";
import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { donorRelationships, families, missingPersons, policeReportPersons, policeReports, referenceDonors } from "@/db/schema";
import { assertReadAccess, defineRead, type ReadAccess } from "@/lib/auth/read-access";
import { can, type Role } from "@/lib/auth/permissions";
import { CONTACT_SOURCE_VALUES } from "@/lib/import/source-value-fields";

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

/**
 * The register notes an import kept (mother's name, national number, phone, address...): the phone
 * and address left out in the query for a role that does not see contact details.
 */
function sourceValuesFor(role: Role): SQL<Record<string, string>> {
  if (can(role, "contactDetails.read")) return sql<Record<string, string>>`${missingPersons.sourceValues}`;
  return sql<Record<string, string>>`${missingPersons.sourceValues} - ${sql.raw(`array[${CONTACT_SOURCE_VALUES.map((field) => `'${field}'`).join(", ")}]`)}::text[]`;
}

async function getMissingPersonDetailsQuery(db: Executor, missingPersonId: string, role: Role) {
  if (!z.uuid().safeParse(missingPersonId).success) return null;
  const [person] = await db
    .select({ ...getTableColumns(missingPersons), sourceValues: sourceValuesFor(role), familyReference: families.reference })
    .from(missingPersons)
    .leftJoin(families, eq(families.id, missingPersons.familyId))
    .where(eq(missingPersons.id, missingPersonId));
  if (!person) return null;
  const [reports, donors, mergedFrom] = await Promise.all([
    reportsNaming(db, missingPersonId),
    donorsFor(db, missingPersonId),
    db.select({ caseNumber: missingPersons.caseNumber }).from(missingPersons).where(eq(missingPersons.mergedIntoId, missingPersonId)),
  ]);
  return { ...person, reports, donors, mergedFrom: mergedFrom.map((row) => row.caseNumber) };
}

export type MissingPersonDetails = NonNullable<Awaited<ReturnType<typeof getMissingPersonDetailsQuery>>>;

export async function getMissingPersonDetails(access: ReadAccess<"people.read">, db: Executor, missingPersonId: string) {
  assertReadAccess(access, "people.read");
  // Contact details follow the session's role, never a role the caller names.
  return getMissingPersonDetailsQuery(db, missingPersonId, access.session.role);
}
export const resolveCaseNumber = defineRead("people.read", resolveCaseNumberQuery);
