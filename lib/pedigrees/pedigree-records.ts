import "server-only";
import { personNameColumns } from "@/lib/people/person-columns";
import { and, asc, eq, exists, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, familyPedigrees, missingPersons, pedigreePersons, referenceDonors, strProfiles } from "@/db/schema";
import type { RelationshipLabel } from "./from-labels";
import type { StoredPedigreePerson } from "./validation";

export type PedigreeRow = typeof familyPedigrees.$inferSelect;
export type PedigreePersonRow = typeof pedigreePersons.$inferSelect;

/** The family's missing persons (not voided, not merged away), by case number. */
export function familyMissingPersons(db: Executor, familyId: string) {
  return db
    .select({
      ...personNameColumns,
      sex: missingPersons.sex,
    })
    .from(missingPersons)
    .where(and(eq(missingPersons.familyId, familyId), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)))
    .orderBy(asc(missingPersons.caseNumber));
}

/** The family's donors (not voided), oldest first, and whether a usable STR profile of theirs exists (never the profile). */
export function familyDonorsForPedigree(db: Executor, familyId: string) {
  const typed = exists(
    db
      .select({ one: strProfiles.id })
      .from(strProfiles)
      .innerJoin(dnaSamples, eq(dnaSamples.id, strProfiles.sampleId))
      .where(and(eq(dnaSamples.donorId, referenceDonors.id), isNull(dnaSamples.voidedAt), isNull(dnaSamples.consentWithdrawnOn))),
  );
  return db
    .select({
      id: referenceDonors.id,
      givenName: referenceDonors.givenName,
      fatherName: referenceDonors.fatherName,
      grandfatherName: referenceDonors.grandfatherName,
      familyName: referenceDonors.familyName,
      sex: referenceDonors.sex,
      typed,
    })
    .from(referenceDonors)
    .where(and(eq(referenceDonors.familyId, familyId), isNull(referenceDonors.voidedAt)))
    .orderBy(asc(referenceDonors.createdAt), asc(referenceDonors.id));
}

/** Every relationship label between the given donors and missing persons. */
export async function relationshipLabels(db: Executor, donorIds: readonly string[], missingPersonIds: readonly string[]): Promise<RelationshipLabel[]> {
  if (donorIds.length === 0 || missingPersonIds.length === 0) return [];
  return db
    .select({ donorId: donorRelationships.donorId, missingPersonId: donorRelationships.missingPersonId, relationship: donorRelationships.relationship, side: donorRelationships.side })
    .from(donorRelationships)
    .where(and(inArray(donorRelationships.donorId, [...donorIds]), inArray(donorRelationships.missingPersonId, [...missingPersonIds])));
}

/** The family's stored pedigree and its persons, or null when none was made yet. */
export async function storedPedigree(db: Executor, familyId: string): Promise<{ pedigree: PedigreeRow; persons: PedigreePersonRow[] } | null> {
  const [pedigree] = await db.select().from(familyPedigrees).where(eq(familyPedigrees.familyId, familyId));
  if (!pedigree) return null;
  const persons = await db.select().from(pedigreePersons).where(eq(pedigreePersons.pedigreeId, pedigree.id)).orderBy(asc(pedigreePersons.createdAt), asc(pedigreePersons.id));
  return { pedigree, persons };
}

export const asStoredPerson = (row: PedigreePersonRow): StoredPedigreePerson => ({
  id: row.id,
  donorId: row.donorId,
  missingPersonId: row.missingPersonId,
  sex: row.sex,
  fatherId: row.fatherId,
  motherId: row.motherId,
});

/** The explicit pedigrees of the given families, as the engine's persons (ids: donor, missing person or pedigree person). */
export async function storedPedigreesOf(db: Executor, familyIds: readonly string[]): Promise<Map<string, StoredPedigreePerson[]>> {
  if (familyIds.length === 0) return new Map();
  const rows = await db
    .select({ familyId: familyPedigrees.familyId, person: pedigreePersons })
    .from(pedigreePersons)
    .innerJoin(familyPedigrees, eq(familyPedigrees.id, pedigreePersons.pedigreeId))
    .where(inArray(familyPedigrees.familyId, [...new Set(familyIds)]));
  const byFamily = new Map<string, StoredPedigreePerson[]>();
  for (const row of rows) byFamily.set(row.familyId, [...(byFamily.get(row.familyId) ?? []), asStoredPerson(row.person)]);
  return byFamily;
}
