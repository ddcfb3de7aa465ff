import "server-only";
import { eq } from "drizzle-orm";
import { families } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import type { UpdateFamilyValues } from "./edit-schemas";
import { refusingDuplicate } from "./unique-field";
import { auditSnapshot } from "@/lib/audit/snapshot";

/** Corrects a family's reference or contact details; the access code is never touched or logged here. */
export async function updateFamily({ input, tx, audit }: ActionContext<UpdateFamilyValues>): Promise<{ version: number }> {
  const [before] = await tx.select().from(families).where(eq(families.id, input.familyId));
  if (!before) throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.voidedAt) throw new ActionRefusal("refused", "Forensic.recordVoided");
  const after = await refusingDuplicate("reference", "familyReferenceTaken", () =>
    updateVersioned(tx, families, "family", { id: before.id, version: input.version }, {
      reference: input.reference,
      contactName: input.contactName,
      phone: input.phone,
      area: input.area,
    }),
  );
  await audit({
    action: "family.update",
    entity: "family",
    entityId: before.id,
    before: auditSnapshot("family", before),
    after: auditSnapshot("family", after),
  });
  return { version: Number(after.version) };
}
