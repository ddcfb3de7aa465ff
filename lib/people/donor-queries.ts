import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { donorRelationships, families, missingPersons, referenceDonors } from "@/db/schema";
import { personNameColumns } from "@/lib/people/person-columns";
import { defineRead } from "@/lib/auth/read-access";

/**
 * A donor for the edit form: their details, their family, and their relation (or none) to each of
 * the family's live missing persons, in the order the family page lists them.
 */
async function getDonorForEditQuery(db: Executor, donorId: string) {
  if (!z.uuid().safeParse(donorId).success) return null;
  const [donor] = await db
    .select({ donor: referenceDonors, familyReference: families.reference })
    .from(referenceDonors)
    .innerJoin(families, eq(families.id, referenceDonors.familyId))
    .where(eq(referenceDonors.id, donorId));
  if (!donor) return null;
  const [members, relationships] = await Promise.all([
    db
      .select(personNameColumns)
      .from(missingPersons)
      .where(and(eq(missingPersons.familyId, donor.donor.familyId), isNull(missingPersons.mergedIntoId), isNull(missingPersons.voidedAt)))
      .orderBy(asc(missingPersons.caseNumber)),
    db.select({ missingPersonId: donorRelationships.missingPersonId, relationship: donorRelationships.relationship, side: donorRelationships.side }).from(donorRelationships).where(eq(donorRelationships.donorId, donorId)),
  ]);
  return { ...donor.donor, familyReference: donor.familyReference, members, relationships };
}

export const getDonorForEdit = defineRead("people.read", getDonorForEditQuery);
