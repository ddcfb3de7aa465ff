import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { donorRelationships, referenceDonors } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { donorColumns, requireFamilyMembers } from "./donors";
import type { UpdateDonorValues } from "./edit-schemas";
import { auditSnapshot } from "@/lib/audit/snapshot";
import { storedSide } from "./relationships";

/**
 * The donor's relation to each person the form lists: a chosen relation is set (added or
 * changed), "not a reference" removes it. Relations to people the form did not list stay.
 */
async function syncRelationships(tx: Transaction, donorId: string, rows: UpdateDonorValues["relationships"]): Promise<void> {
  const cleared = rows.filter((row) => row.relationship === "").map((row) => row.missingPersonId);
  if (cleared.length > 0) {
    await tx.delete(donorRelationships).where(and(eq(donorRelationships.donorId, donorId), inArray(donorRelationships.missingPersonId, cleared)));
  }
  for (const row of rows) {
    if (row.relationship === "") continue;
    const side = storedSide(row.relationship, row.side);
    await tx
      .insert(donorRelationships)
      .values({ donorId, missingPersonId: row.missingPersonId, relationship: row.relationship, side })
      .onConflictDoUpdate({
        target: [donorRelationships.donorId, donorRelationships.missingPersonId],
        set: { relationship: row.relationship, side, version: sql`${donorRelationships.version} + 1`, updatedAt: new Date() },
        setWhere: sql`(${donorRelationships.relationship}, ${donorRelationships.side}) is distinct from (${row.relationship}::donor_relationship, ${side}::relationship_side)`,
      });
  }
}

async function relationshipsOf(tx: Transaction, donorId: string) {
  const rows = await tx.select().from(donorRelationships).where(eq(donorRelationships.donorId, donorId));
  return rows.map((row) => auditSnapshot("donor_relationship", row));
}

/** Corrects a donor's name, sex, phone and relations; the family a donor belongs to does not change. */
export async function updateDonor({ input, tx, audit }: ActionContext<UpdateDonorValues>): Promise<{ version: number }> {
  const [before] = await tx
    .select()
    .from(referenceDonors)
    .where(and(eq(referenceDonors.id, input.donorId), eq(referenceDonors.familyId, input.familyId)));
  if (!before) throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.voidedAt) throw new ActionRefusal("refused", "Forensic.recordVoided");
  await requireFamilyMembers(tx, input.familyId, input.relationships.map((row) => row.missingPersonId));
  const relationshipsBefore = await relationshipsOf(tx, before.id);
  const after = await updateVersioned(tx, referenceDonors, "reference_donor", { id: before.id, version: input.version }, donorColumns(input));
  await syncRelationships(tx, before.id, input.relationships);
  const relationships = await relationshipsOf(tx, before.id);
  if (relationships.length === 0) throw new ActionRefusal("invalid", "Actions.invalid", { relationships: "chooseRelationship" });
  await audit({
    action: "donor.update",
    entity: "reference_donor",
    entityId: before.id,
    before: { ...auditSnapshot("reference_donor", before), relationships: relationshipsBefore },
    after: { ...auditSnapshot("reference_donor", after), relationships },
  });
  return { version: Number(after.version) };
}
