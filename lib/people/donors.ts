import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { donorRelationships, missingPersons, referenceDonors } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { buildNameSearch } from "@/lib/names/normalise-arabic";
import type { DonorValues } from "./schemas";
import { auditSnapshot } from "@/lib/audit/snapshot";
import { storedSide } from "./relationships";

/** The people a donor is related to must be the family's own, and not merged away. */
export async function requireFamilyMembers(tx: Transaction, familyId: string, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  const ofFamily = await tx
    .select({ id: missingPersons.id })
    .from(missingPersons)
    .where(and(inArray(missingPersons.id, personIds), eq(missingPersons.familyId, familyId), isNull(missingPersons.mergedIntoId)));
  if (ofFamily.length !== new Set(personIds).size) {
    throw new ActionRefusal("invalid", "Actions.invalid", { relationships: "invalidChoice" });
  }
}

/** The donor's own columns as the form gives them, the name's search form derived from its parts. */
export function donorColumns(input: DonorValues) {
  return {
    givenName: input.givenName,
    fatherName: input.fatherName,
    grandfatherName: input.grandfatherName,
    familyName: input.familyName,
    nameLatin: input.nameLatin,
    nameSearch: buildNameSearch(input),
    sex: input.sex,
    phone: input.phone,
  };
}

/** A family member who gives a reference sample, with their relation to each missing person of the family. */
export async function createDonor({ input, tx, audit }: ActionContext<DonorValues>): Promise<{ donorId: string }> {
  const relationships = input.relationships.flatMap((row) =>
    row.relationship === "" ? [] : [{ missingPersonId: row.missingPersonId, relationship: row.relationship, side: storedSide(row.relationship, row.side) }],
  );
  await requireFamilyMembers(tx, input.familyId, relationships.map((row) => row.missingPersonId));
  const [donor] = await tx
    .insert(referenceDonors)
    .values({ familyId: input.familyId, ...donorColumns(input) })
    .returning();
  if (!donor) throw new Error("donor was not inserted");
  await tx.insert(donorRelationships).values(relationships.map((row) => ({ ...row, donorId: donor.id })));
  await audit({ action: "donor.create", entity: "reference_donor", entityId: donor.id, after: { ...auditSnapshot("reference_donor", donor), relationships: relationships.map((row) => auditSnapshot("donor_relationship", row)) } });
  return { donorId: donor.id };
}
