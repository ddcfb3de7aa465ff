import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { dnaSamples, families, missingPersons, referenceDonors } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import type { VoidRecordValues } from "@/lib/forensic/schemas/void-record";
import { auditSnapshot } from "@/lib/audit/snapshot";

type VoidablePeopleTable = typeof families | typeof referenceDonors | typeof dnaSamples;

/**
 * Marks a family, donor or sample entered in error as void: the row stays, lists and the receipt
 * stop showing it, and the audit entry keeps who, when and why. A version from the form that is
 * no longer current means someone changed the record since: nothing is voided.
 */
async function voidRow(context: ActionContext<VoidRecordValues>, table: VoidablePeopleTable, entity: "family" | "reference_donor" | "dna_sample", action: string) {
  const { input, session, tx, audit } = context;
  const [before] = await tx.select().from(table).where(eq(table.id, input.recordId)).for("update");
  if (!before) throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.voidedAt) throw new ActionRefusal("refused", "Forensic.alreadyVoided");
  const voided = { voidedAt: new Date(), voidedBy: session.userId, voidReason: input.reason };
  const after = await updateVersioned(tx, table as typeof families, entity, { id: before.id, version: input.version ?? before.version }, voided);
  await audit({ action, entity, entityId: before.id, before: auditSnapshot(entity, before), after: auditSnapshot(entity, after) });
  return { recordId: before.id };
}

/** A family with people or donors on record is not voided: they would vanish with it. */
export async function voidFamilyRecord(context: ActionContext<VoidRecordValues>) {
  const { tx, input } = context;
  const [members, donors] = await Promise.all([
    tx.select({ live: count() }).from(missingPersons).where(and(eq(missingPersons.familyId, input.recordId), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId))),
    tx.select({ live: count() }).from(referenceDonors).where(and(eq(referenceDonors.familyId, input.recordId), isNull(referenceDonors.voidedAt))),
  ]);
  if ((members[0]?.live ?? 0) + (donors[0]?.live ?? 0) > 0) throw new ActionRefusal("refused", "PeopleEdits.familyHasRecords");
  return voidRow(context, families, "family", "family.void");
}

/** A donor whose samples are still on record is not voided: void the samples first, one by one. */
export async function voidDonorRecord(context: ActionContext<VoidRecordValues>) {
  const [row] = await context.tx
    .select({ live: count() })
    .from(dnaSamples)
    .where(and(eq(dnaSamples.donorId, context.input.recordId), isNull(dnaSamples.voidedAt)));
  if ((row?.live ?? 0) > 0) throw new ActionRefusal("refused", "PeopleEdits.donorHasSamples");
  return voidRow(context, referenceDonors, "reference_donor", "donor.void");
}

export function voidReferenceSampleRecord(context: ActionContext<VoidRecordValues>) {
  return voidRow(context, dnaSamples, "dna_sample", "sample.void");
}
