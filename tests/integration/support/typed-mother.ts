import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, missingPersons, referenceDonors, strProfiles } from "@/db/schema";

/** The demo's first live missing person whose mother has a typed profile, with their family. */
export async function missingPersonWithTypedMother(db: Executor): Promise<{ familyId: string; missingPersonId: string }> {
  const [typed] = await db
    .selectDistinct({ familyId: referenceDonors.familyId, missingPersonId: donorRelationships.missingPersonId })
    .from(strProfiles)
    .innerJoin(dnaSamples, eq(dnaSamples.id, strProfiles.sampleId))
    .innerJoin(referenceDonors, eq(referenceDonors.id, dnaSamples.donorId))
    .innerJoin(donorRelationships, and(eq(donorRelationships.donorId, referenceDonors.id), eq(donorRelationships.relationship, "mother")))
    .innerJoin(missingPersons, eq(missingPersons.id, donorRelationships.missingPersonId))
    .where(and(isNotNull(dnaSamples.donorId), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)))
    .orderBy(donorRelationships.missingPersonId)
    .limit(1);
  if (!typed) throw new Error("the demo has no typed mother");
  return typed;
}
