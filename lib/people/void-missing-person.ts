import "server-only";
import { and, eq, notInArray } from "drizzle-orm";
import { identifications, missingPersons } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { auditSnapshot } from "@/lib/audit/snapshot";
import type { VoidRecordValues } from "@/lib/forensic/schemas/void-record";

export const MISSING_PERSON_ENTITY = "missing_person";

/**
 * Marks a missing person entered in error (or twice) as void: the row stays with who, when and why,
 * and leaves the lists, search and counts. A person with an identification under way is not
 * voided: the identification would lose its person.
 */
export async function voidMissingPerson({ input, session, tx, audit }: ActionContext<VoidRecordValues>): Promise<{ recordId: string }> {
  const [before] = await tx.select().from(missingPersons).where(eq(missingPersons.id, input.recordId)).for("update");
  if (!before) throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.voidedAt) throw new ActionRefusal("refused", "Forensic.alreadyVoided");
  const [open] = await tx
    .select({ id: identifications.id })
    .from(identifications)
    .where(and(eq(identifications.missingPersonId, before.id), notInArray(identifications.status, ["rejected", "retracted"])))
    .limit(1);
  if (open) throw new ActionRefusal("refused", "PeopleEdits.personHasIdentification");
  const voided = { voidedAt: new Date(), voidedBy: session.userId, voidReason: input.reason };
  const after = await updateVersioned(tx, missingPersons, MISSING_PERSON_ENTITY, { id: before.id, version: input.version ?? before.version }, voided);
  await audit({ action: "missingPerson.void", entity: MISSING_PERSON_ENTITY, entityId: before.id, before: auditSnapshot("missing_person", before), after: auditSnapshot("missing_person", after) });
  return { recordId: before.id };
}
