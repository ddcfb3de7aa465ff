import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { antemortemRecords, donorRelationships, missingPersons, postmortemRecords, referenceDonors, remains } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { auditSnapshot } from "@/lib/audit/snapshot";
import { refuseField } from "@/lib/forensic/duplicate-code";
import type { AntemortemValues, PostmortemValues } from "./schemas";

export const ANTEMORTEM_ENTITY = "antemortem_record";
export const POSTMORTEM_ENTITY = "postmortem_record";

/** A save that expected no record (or an old version) while a colleague created one: their record, not ours, stands. */
function refuseCreatedMeanwhile(): never {
  throw new ActionRefusal("conflict", "Actions.conflict");
}

async function lockLivePerson(tx: Transaction, personId: string) {
  const [person] = await tx.select().from(missingPersons).where(eq(missingPersons.id, personId)).for("update");
  if (!person) throw new ActionRefusal("notFound", "Actions.notFound");
  if (person.voidedAt || person.mergedIntoId) throw new ActionRefusal("refused", "AmPm.personClosed");
  return person;
}

/** The informant chosen from a list must be a reference donor for this very person. */
async function checkInformant(tx: Transaction, personId: string, donorId: string | null): Promise<void> {
  if (donorId === null) return;
  const [related] = await tx
    .select({ id: referenceDonors.id })
    .from(donorRelationships)
    .innerJoin(referenceDonors, eq(referenceDonors.id, donorRelationships.donorId))
    .where(and(eq(donorRelationships.donorId, donorId), eq(donorRelationships.missingPersonId, personId), isNull(referenceDonors.voidedAt)));
  if (!related) refuseField("informantDonorId", "AmPm.informantNotRelative");
}

export async function saveAntemortemRecord({ input, tx, audit }: ActionContext<AntemortemValues>) {
  const { personId, version, ...values } = input;
  await lockLivePerson(tx, personId);
  await checkInformant(tx, personId, values.informantDonorId);
  const [current] = await tx.select().from(antemortemRecords).where(eq(antemortemRecords.missingPersonId, personId));
  if (!current) {
    if (version !== null) refuseCreatedMeanwhile();
    const [created] = await tx.insert(antemortemRecords).values({ missingPersonId: personId, ...values }).onConflictDoNothing().returning();
    if (!created) refuseCreatedMeanwhile();
    await audit({ action: "antemortem.create", entity: ANTEMORTEM_ENTITY, entityId: created.id, after: auditSnapshot("antemortem_record", created) });
    return { personId };
  }
  if (version === null) refuseCreatedMeanwhile();
  const updated = await updateVersioned(tx, antemortemRecords, ANTEMORTEM_ENTITY, { id: current.id, version }, values);
  await audit({
    action: "antemortem.update",
    entity: ANTEMORTEM_ENTITY,
    entityId: current.id,
    before: auditSnapshot("antemortem_record", current),
    after: auditSnapshot("antemortem_record", updated),
  });
  return { personId };
}

export async function savePostmortemRecord({ input, tx, audit }: ActionContext<PostmortemValues>) {
  const { remainsId, version, ...values } = input;
  const [body] = await tx.select().from(remains).where(eq(remains.id, remainsId)).for("update");
  if (!body) throw new ActionRefusal("notFound", "Actions.notFound");
  if (body.voidedAt) throw new ActionRefusal("refused", "Forensic.recordVoided");
  const [current] = await tx.select().from(postmortemRecords).where(eq(postmortemRecords.remainsId, remainsId));
  if (!current) {
    if (version !== null) refuseCreatedMeanwhile();
    const [created] = await tx.insert(postmortemRecords).values({ remainsId, ...values }).onConflictDoNothing().returning();
    if (!created) refuseCreatedMeanwhile();
    await audit({ action: "postmortem.create", entity: POSTMORTEM_ENTITY, entityId: created.id, after: auditSnapshot("postmortem_record", created) });
    return { remainsId };
  }
  if (version === null) refuseCreatedMeanwhile();
  const updated = await updateVersioned(tx, postmortemRecords, POSTMORTEM_ENTITY, { id: current.id, version }, values);
  await audit({
    action: "postmortem.update",
    entity: POSTMORTEM_ENTITY,
    entityId: current.id,
    before: auditSnapshot("postmortem_record", current),
    after: auditSnapshot("postmortem_record", updated),
  });
  return { remainsId };
}
