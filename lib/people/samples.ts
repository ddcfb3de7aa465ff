import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { custodyEvents, dnaSamples, referenceDonors } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { canMoveTo, labStepColumns } from "./lab-status";
import type { LabStatusValues, ReferenceSampleValues } from "./schemas";
import { refusingDuplicate } from "./unique-field";
import { auditSnapshot } from "@/lib/audit/snapshot";

/** A reference sample with the donor's consent, and the first link in its chain of custody. */
export async function collectReferenceSample({ input, session, tx, audit }: ActionContext<ReferenceSampleValues>): Promise<{ sampleId: string }> {
  const [donor] = await tx
    .select({ id: referenceDonors.id })
    .from(referenceDonors)
    .where(and(eq(referenceDonors.id, input.donorId), isNull(referenceDonors.voidedAt)));
  if (!donor) throw new ActionRefusal("invalid", "Actions.invalid", { donorId: "invalidChoice" });
  const [sample] = await refusingDuplicate("barcode", "barcodeTaken", () =>
    tx
      .insert(dnaSamples)
      .values({
        ...input,
        kind: "reference",
        collectedByUserId: session.userId,
        // Consent is given at the collection itself, on the signed form named by consentFormRef.
        consentDate: input.collectedOn,
      })
      .returning(),
  );
  if (!sample) throw new Error("sample was not inserted");
  await tx.insert(custodyEvents).values({
    sampleId: sample.id,
    action: "collected",
    fromParty: "",
    toParty: input.collectedByName,
    occurredAt: new Date(`${input.collectedOn}T12:00:00Z`),
    recordedBy: session.userId,
  });
  await audit({ action: "sample.collect", entity: "dna_sample", entityId: sample.id, after: auditSnapshot("dna_sample", sample) });
  return { sampleId: sample.id };
}

/** Moves a sample one step along collected → shipped → received → profiled, or to failed; never back. */
export async function advanceLabStatus({ input, session, tx, audit }: ActionContext<LabStatusValues>): Promise<{ version: number }> {
  const [before] = await tx.select().from(dnaSamples).where(eq(dnaSamples.id, input.sampleId));
  if (!before) throw new ActionRefusal("notFound", "Actions.notFound");
  if (!canMoveTo(before.labStatus, input.labStatus)) {
    throw new ActionRefusal("invalid", "Actions.invalid", { labStatus: "labStatusBackwards" });
  }
  const after = await updateVersioned(tx, dnaSamples, "dna_sample", { id: before.id, version: input.version }, labStepColumns(input));
  await tx.insert(custodyEvents).values({
    sampleId: before.id,
    action: input.labStatus === "shipped" ? "transferred" : input.labStatus === "received" ? "received" : "analysed",
    toParty: input.laboratory,
    occurredAt: new Date(`${input.on}T12:00:00Z`),
    notes: input.failureReason,
    recordedBy: session.userId,
  });
  await audit({ action: "sample.labStatus", entity: "dna_sample", entityId: before.id, before: auditSnapshot("dna_sample", before), after: auditSnapshot("dna_sample", after) });
  return { version: Number(after.version) };
}
