import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { custodyEvents, dnaSamples, identifications, remains, remainsHandovers } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { libyanLocalTimeToDate } from "./dates";
import { refuseField } from "./duplicate-code";
import type { RecordCustodyEventValues } from "./schemas/custody";
import { auditSnapshot } from "@/lib/audit/snapshot";

export const CUSTODY_EVENT_ENTITY = "custody_event";

async function refuseMissingSubject(tx: Transaction, input: RecordCustodyEventValues) {
  const [subject] = input.remainsId
    ? await tx.select({ voidedAt: remains.voidedAt }).from(remains).where(eq(remains.id, input.remainsId))
    : await tx.select({ voidedAt: dnaSamples.voidedAt }).from(dnaSamples).where(eq(dnaSamples.id, input.sampleId ?? ""));
  if (!subject) throw new ActionRefusal("notFound", "Actions.notFound");
  if (subject.voidedAt) throw new ActionRefusal("refused", "Forensic.recordVoided");
}

/** A correction names an entry of the same body or sample's own timeline, never another's. */
async function refuseForeignCorrection(tx: Transaction, input: RecordCustodyEventValues) {
  if (!input.correctsEventId) return;
  const subject = input.remainsId
    ? eq(custodyEvents.remainsId, input.remainsId)
    : eq(custodyEvents.sampleId, input.sampleId ?? "");
  const [corrected] = await tx
    .select({ id: custodyEvents.id })
    .from(custodyEvents)
    .where(and(eq(custodyEvents.id, input.correctsEventId), subject));
  if (!corrected) refuseField("correctsEventId", "Forensic.correctionSubject");
}

/** A body handed over to its family has a closed chain: only a correction of an entry may follow. */
async function refuseClosedChain(tx: Transaction, input: RecordCustodyEventValues) {
  if (!input.remainsId || input.correctsEventId) return;
  const [handover] = await tx
    .select({ id: remainsHandovers.id })
    .from(remainsHandovers)
    .innerJoin(identifications, eq(identifications.id, remainsHandovers.identificationId))
    .where(eq(identifications.remainsId, input.remainsId));
  if (handover) throw new ActionRefusal("refused", "Forensic.custodyClosed");
}

/** Appends one entry to a chain of custody; entries are never edited (the database refuses it). */
export async function recordCustodyEventRecord({ input, session, tx, audit }: ActionContext<RecordCustodyEventValues>) {
  await refuseMissingSubject(tx, input);
  await refuseForeignCorrection(tx, input);
  await refuseClosedChain(tx, input);
  const [event] = await tx
    .insert(custodyEvents)
    .values({
      remainsId: input.remainsId,
      sampleId: input.sampleId,
      action: input.action,
      fromParty: input.fromParty,
      toParty: input.toParty,
      place: input.place,
      occurredAt: libyanLocalTimeToDate(input.occurredAt),
      notes: input.notes,
      correctsEventId: input.correctsEventId,
      recordedBy: session.userId,
    })
    .returning();
  if (!event) throw new Error("the custody event was not written");
  await audit({ action: "custody.record", entity: CUSTODY_EVENT_ENTITY, entityId: event.id, after: auditSnapshot("custody_event", event) });
  return { eventId: event.id };
}
