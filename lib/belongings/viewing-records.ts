import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Executor, Transaction } from "@/db/client";
import { belongingRecognitions, belongingViewingSessions, families, missingPersons, personalEffects, remains } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { catalogueConditions } from "./catalogue";
import type { closeViewingSchema, followUpRecognitionSchema, openViewingSchema, PortalRecognitionValues, RecordRecognitionValues, setRemoteViewingSchema } from "./schemas";

export const VIEWING_SESSION_ENTITY = "viewing_session";
export const RECOGNITION_ENTITY = "belonging_recognition";

async function liveFamily(tx: Transaction, familyId: string) {
  const [family] = await tx.select({ id: families.id, remoteViewing: families.remoteViewing }).from(families).where(and(eq(families.id, familyId), isNull(families.voidedAt)));
  if (!family) throw new ActionRefusal("notFound", "Actions.notFound");
  return family;
}

/** A registrar opens the catalogue for one family at the office; the session's id names the page. */
export async function openViewingRecord({ input, session, tx, audit }: ActionContext<z.output<typeof openViewingSchema>>) {
  await liveFamily(tx, input.familyId);
  const [opened] = await tx.insert(belongingViewingSessions).values({ familyId: input.familyId, openedBy: session.userId }).returning();
  if (!opened) throw new Error("no viewing session row");
  await audit({ action: "belongings.viewingOpen", entity: VIEWING_SESSION_ENTITY, entityId: opened.id, after: { familyId: input.familyId } });
  return { viewingSessionId: opened.id };
}

export async function closeViewingRecord({ input, tx, audit }: ActionContext<z.output<typeof closeViewingSchema>>) {
  const [closed] = await tx
    .update(belongingViewingSessions)
    .set({ closedAt: new Date() })
    .where(and(eq(belongingViewingSessions.id, input.viewingSessionId), isNull(belongingViewingSessions.closedAt)))
    .returning();
  if (!closed) throw new ActionRefusal("notFound", "Actions.notFound");
  await audit({ action: "belongings.viewingClose", entity: VIEWING_SESSION_ENTITY, entityId: closed.id, after: { familyId: closed.familyId } });
  return { viewingSessionId: closed.id };
}

/** The item must still be in the catalogue and the person must be one of this family's. */
async function refuseForeignRecognition(db: Executor, familyId: string, values: PortalRecognitionValues) {
  const [person] = await db
    .select({ id: missingPersons.id })
    .from(missingPersons)
    .where(and(eq(missingPersons.id, values.missingPersonId), eq(missingPersons.familyId, familyId), isNull(missingPersons.voidedAt)));
  if (!person) throw new ActionRefusal("invalid", "Actions.invalid", { missingPersonId: "invalidChoice" });
  const [item] = await db
    .select({ remainsId: remains.id })
    .from(personalEffects)
    .innerJoin(remains, eq(remains.id, personalEffects.remainsId))
    .where(and(eq(personalEffects.id, values.effectId), ...catalogueConditions({})));
  if (!item) throw new ActionRefusal("notFound", "Actions.notFound");
  return item;
}

/**
 * "Tentatively recognised by <relative> for <missing person>", recorded by the registrar in an open
 * viewing session: a lead on the body's and the person's pages and in the forensic queue. It never
 * touches an identification.
 */
export async function recordRecognitionRecord({ input, session, tx, audit }: ActionContext<RecordRecognitionValues>) {
  const [viewing] = await tx
    .select({ familyId: belongingViewingSessions.familyId })
    .from(belongingViewingSessions)
    .where(and(eq(belongingViewingSessions.id, input.viewingSessionId), isNull(belongingViewingSessions.closedAt)));
  if (!viewing) throw new ActionRefusal("refused", "Belongings.viewing.ended");
  const { remainsId } = await refuseForeignRecognition(tx, viewing.familyId, input);
  const [recognition] = await tx
    .insert(belongingRecognitions)
    .values({ ...input, familyId: viewing.familyId, source: "office", recordedBy: session.userId })
    .returning();
  if (!recognition) throw new Error("no recognition row");
  await audit({ action: "belongings.recognise", entity: RECOGNITION_ENTITY, entityId: recognition.id, after: { ...input, remainsId, familyId: viewing.familyId, source: "office" } });
  return { recognitionId: recognition.id };
}

/** The same lead, sent by a family from the portal while staff have remote viewing on for it. */
export async function recordPortalRecognition(tx: Transaction, familyId: string, values: PortalRecognitionValues) {
  const family = await liveFamily(tx, familyId);
  if (!family.remoteViewing) throw new ActionRefusal("refused", "Actions.forbidden");
  const item = await refuseForeignRecognition(tx, familyId, values);
  const [recognition] = await tx.insert(belongingRecognitions).values({ ...values, familyId, source: "portal" }).returning();
  if (!recognition) throw new Error("no recognition row");
  return { recognition, remainsId: item.remainsId };
}

export async function followUpRecognitionRecord({ input, session, tx, audit }: ActionContext<z.output<typeof followUpRecognitionSchema>>) {
  const [done] = await tx
    .update(belongingRecognitions)
    .set({ followedUpAt: new Date(), followedUpBy: session.userId, followUpNote: input.note })
    .where(and(eq(belongingRecognitions.id, input.recognitionId), isNull(belongingRecognitions.followedUpAt)))
    .returning();
  if (!done) throw new ActionRefusal("notFound", "Actions.notFound");
  await audit({ action: "belongings.followUp", entity: RECOGNITION_ENTITY, entityId: done.id, after: { note: input.note } });
  return { recognitionId: done.id };
}

export async function setRemoteViewingRecord({ input, tx, audit }: ActionContext<z.output<typeof setRemoteViewingSchema>>) {
  const family = await liveFamily(tx, input.familyId);
  await tx.update(families).set({ remoteViewing: input.remoteViewing }).where(eq(families.id, input.familyId));
  await audit({ action: "familyBelongings.remoteViewing", entity: "family", entityId: input.familyId, before: { remoteViewing: family.remoteViewing }, after: { remoteViewing: input.remoteViewing } });
  return { remoteViewing: input.remoteViewing };
}
