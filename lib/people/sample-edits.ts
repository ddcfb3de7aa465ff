import "server-only";
import { eq } from "drizzle-orm";
import { dnaSamples } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import type { UpdateReferenceSampleValues } from "./edit-schemas";
import { refusingDuplicate } from "./unique-field";
import { auditSnapshot } from "@/lib/audit/snapshot";

/**
 * Corrects how a reference sample was collected (barcode, date, collector, consent). The lab
 * status is not changed here; once the sample has left for the lab, its barcode is what the lab
 * knows it by and stays as it is.
 */
export async function updateReferenceSample({ input, tx, audit }: ActionContext<UpdateReferenceSampleValues>): Promise<{ version: number }> {
  const [before] = await tx.select().from(dnaSamples).where(eq(dnaSamples.id, input.sampleId));
  if (!before || before.kind !== "reference" || before.donorId !== input.donorId) throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.voidedAt) throw new ActionRefusal("refused", "Forensic.recordVoided");
  if (before.barcode !== input.barcode && before.labStatus !== "collected") {
    throw new ActionRefusal("invalid", "Actions.invalid", { barcode: "barcodeLocked" });
  }
  const after = await refusingDuplicate("barcode", "barcodeTaken", () =>
    updateVersioned(tx, dnaSamples, "dna_sample", { id: before.id, version: input.version }, {
      barcode: input.barcode,
      collectedOn: input.collectedOn,
      collectedByName: input.collectedByName,
      consentGiven: input.consentGiven,
      consentScope: input.consentScope,
      consentDate: input.collectedOn,
      consentFormRef: input.consentFormRef,
    }),
  );
  await audit({ action: "sample.update", entity: "dna_sample", entityId: before.id, before: auditSnapshot("dna_sample", before), after: auditSnapshot("dna_sample", after) });
  return { version: Number(after.version) };
}
