import "server-only";
import { eq } from "drizzle-orm";
import { dnaSamples } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { auditSnapshot } from "@/lib/audit/snapshot";
import type { WithdrawConsentValues } from "./schemas";

/**
 * Records a donor's withdrawal of consent: the sample and its profile are sealed, not deleted
 * (docs/CONSENT.md). From then on no screening, lead, DVI run or identification form uses them.
 * Irreversible from the application, so it waits for a second staff member (lib/approvals).
 */
export async function withdrawSampleConsent({ input, session, tx, audit }: ActionContext<WithdrawConsentValues>): Promise<{ sampleId: string }> {
  const [before] = await tx.select().from(dnaSamples).where(eq(dnaSamples.id, input.sampleId)).for("update");
  if (!before || before.kind !== "reference") throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.voidedAt) throw new ActionRefusal("refused", "Forensic.alreadyVoided");
  if (before.consentWithdrawnOn) throw new ActionRefusal("refused", "People.consentAlreadyWithdrawn");
  if (input.withdrawnOn < before.collectedOn) throw new ActionRefusal("invalid", "Actions.invalid", { withdrawnOn: "People.withdrawalBeforeCollection" });
  const after = await updateVersioned(tx, dnaSamples, "dna_sample", { id: before.id, version: input.version }, {
    consentWithdrawnOn: input.withdrawnOn,
    consentWithdrawalWording: input.wordingVersion,
    consentWithdrawalNote: input.note,
    consentWithdrawalRecordedBy: session.userId,
  });
  await audit({ action: "sample.consentWithdrawn", entity: "dna_sample", entityId: before.id, before: auditSnapshot("dna_sample", before), after: auditSnapshot("dna_sample", after) });
  return { sampleId: before.id };
}
