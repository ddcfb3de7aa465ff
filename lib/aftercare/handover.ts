import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { custodyEvents, handoverItems, personalEffects, remainsHandovers, users } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { auditSnapshot } from "@/lib/audit/snapshot";
import { defineRead } from "@/lib/auth/read-access";
import { libyanLocalTimeToDate, todayInLibya } from "@/lib/forensic/dates";
import { CUSTODY_EVENT_ENTITY } from "@/lib/forensic/custody-records";
import { refuseField } from "@/lib/identifications/refusals";
import { IDENTIFICATION_ENTITY } from "@/lib/identifications/propose";
import { lockInformedIdentification } from "./after-notification";
import type { RemainsHandoverValues } from "./aftercare-values";

/** The list must name each live effect of the body exactly once: nothing forgotten, nothing foreign. */
async function refuseIncompleteItems(tx: Transaction, remainsId: string, items: RemainsHandoverValues["items"]): Promise<void> {
  const effects = await tx.select({ id: personalEffects.id }).from(personalEffects).where(and(eq(personalEffects.remainsId, remainsId), isNull(personalEffects.voidedAt)));
  const named = items.map((item) => item.effectId);
  const own = new Set(effects.map((effect) => effect.id));
  if (new Set(named).size !== named.length || named.some((effectId) => !own.has(effectId))) refuseField("items", "Aftercare.itemsNotOfBody");
  if (named.length !== own.size) refuseField("items", "Aftercare.itemsIncomplete");
}

/**
 * Records the handover of the remains and the fate of each effect, and closes the body's chain of
 * custody with a "returned" event to the receiving relative; audited on the identification and on
 * the custody event, in one transaction.
 */
export async function recordRemainsHandover({ input, session, tx, audit }: ActionContext<RemainsHandoverValues>): Promise<{ handoverId: string }> {
  const identification = await lockInformedIdentification(tx, input.identificationId, "Aftercare.handoverBeforeNotification");
  const [existing] = await tx.select({ id: remainsHandovers.id }).from(remainsHandovers).where(eq(remainsHandovers.identificationId, identification.id));
  if (existing) throw new ActionRefusal("refused", "Aftercare.handoverAlreadyRecorded");
  const handedOverAt = libyanLocalTimeToDate(input.handedOverAt);
  if (identification.notifiedOn && todayInLibya(handedOverAt) < identification.notifiedOn) refuseField("handedOverAt", "Aftercare.handoverBeforeNotifiedDate");
  await refuseIncompleteItems(tx, identification.remainsId, input.items);
  const [event] = await tx
    .insert(custodyEvents)
    .values({
      remainsId: identification.remainsId,
      action: "returned",
      fromParty: input.staffMember,
      toParty: `${input.receivedBy} (${input.receivedByRelationship})`,
      place: input.place,
      occurredAt: handedOverAt,
      notes: input.notes,
      recordedBy: session.userId,
    })
    .returning();
  if (!event) throw new Error("the custody event was not written");
  await audit({ action: "custody.record", entity: CUSTODY_EVENT_ENTITY, entityId: event.id, after: auditSnapshot("custody_event", event) });
  const { identificationId, items, ...handover } = input;
  const [saved] = await tx.insert(remainsHandovers).values({ ...handover, identificationId, handedOverAt, custodyEventId: event.id, recordedBy: session.userId }).returning({ id: remainsHandovers.id });
  if (!saved) throw new Error("the handover was not saved");
  if (items.length > 0) await tx.insert(handoverItems).values(items.map((item) => ({ ...item, handoverId: saved.id })));
  await audit({ action: "identification.handover", entity: IDENTIFICATION_ENTITY, entityId: identificationId, after: { handoverId: saved.id, custodyEventId: event.id, ...handover, handedOverAt: input.handedOverAt, items } });
  return { handoverId: saved.id };
}

async function handoverQuery(db: Executor, identificationId: string) {
  const [handover] = await db
    .select({
      id: remainsHandovers.id,
      handedOverAt: remainsHandovers.handedOverAt,
      place: remainsHandovers.place,
      receivedBy: remainsHandovers.receivedBy,
      receivedByRelationship: remainsHandovers.receivedByRelationship,
      staffMember: remainsHandovers.staffMember,
      notes: remainsHandovers.notes,
      scanSha256: remainsHandovers.scanSha256,
      scanContentType: remainsHandovers.scanContentType,
      recordedByName: users.displayName,
    })
    .from(remainsHandovers)
    .innerJoin(users, eq(users.id, remainsHandovers.recordedBy))
    .where(eq(remainsHandovers.identificationId, identificationId));
  if (!handover) return null;
  const items = await db
    .select({ effectId: handoverItems.effectId, disposition: handoverItems.disposition, kind: personalEffects.kind, description: personalEffects.description })
    .from(handoverItems)
    .innerJoin(personalEffects, eq(personalEffects.id, handoverItems.effectId))
    .where(eq(handoverItems.handoverId, handover.id))
    .orderBy(asc(personalEffects.kind), asc(personalEffects.description));
  return { ...handover, items };
}

export type RemainsHandoverRecord = NonNullable<Awaited<ReturnType<typeof handoverQuery>>>;

/** The handover of one identification's remains with what became of each effect, or null. */
export const getRemainsHandover = defineRead("people.read", handoverQuery);

function liveEffectsQuery(db: Executor, remainsId: string) {
  return db
    .select({ id: personalEffects.id, kind: personalEffects.kind, description: personalEffects.description })
    .from(personalEffects)
    .where(and(eq(personalEffects.remainsId, remainsId), isNull(personalEffects.voidedAt)))
    .orderBy(asc(personalEffects.kind), asc(personalEffects.description));
}

/** The body's effects the handover form lists, each to be given a fate. */
export const listEffectsForHandover = defineRead("people.read", liveEffectsQuery);
