import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { fieldSyncItems } from "@/db/schema";
import { ACTION_PERMISSIONS } from "@/lib/actions/action-permissions";
import type { ActionContext } from "@/lib/actions/define-action";
import { fieldErrorsOf } from "@/lib/actions/field-errors";
import { parseActionInput } from "@/lib/actions/parse-input";
import { ActionRefusal } from "@/lib/actions/result";
import { fieldsWithNullCharacter } from "@/lib/actions/unstorable-text";
import { appendAuditEntry } from "@/lib/audit/append";
import { can } from "@/lib/auth/permissions";
import { ownDevice, FIELD_DEVICE_ENTITY } from "./device-records";
import { ITEM_HANDLERS, type ItemHandler } from "./item-handlers";
import { LOCAL_REFERENCE_PREFIX, type FieldSyncAnswer, type FieldSyncItemValues, type FieldSyncOutcome } from "./schemas";

type Payload = Record<string, unknown>;

/** "item:<key>" → the server id that item's record received; the device sends its items in order. */
async function resolveReferences(tx: Transaction, userId: string, handler: ItemHandler, payload: Payload): Promise<Payload> {
  const resolved = { ...payload };
  for (const field of handler.references) {
    const value = payload[field];
    if (typeof value !== "string" || !value.startsWith(LOCAL_REFERENCE_PREFIX)) continue;
    const itemId = value.slice(LOCAL_REFERENCE_PREFIX.length);
    const [earlier] = await tx
      .select({ status: fieldSyncItems.status, outcome: fieldSyncItems.outcome })
      .from(fieldSyncItems)
      .where(and(eq(fieldSyncItems.itemId, itemId), eq(fieldSyncItems.userId, userId)));
    const outcome = earlier?.outcome as FieldSyncOutcome | undefined;
    // Not synced yet: the item stays queued on the device and is sent again after the one it names.
    if (outcome?.status !== "applied") throw new ActionRefusal("refused", "Field.referenceNotSynced", { [field]: "Field.referenceNotSynced" });
    resolved[field] = outcome.data[field];
  }
  return resolved;
}

/**
 * Runs one item through its online action's rules inside a savepoint: applied, or rolled back and
 * kept as a conflict (both versions) or a refusal (the form's field errors) for the device to show.
 */
async function applyItem(context: ActionContext<FieldSyncItemValues>, handler: ItemHandler, payload: Payload): Promise<FieldSyncOutcome> {
  const { input, session, tx, metadata } = context;
  if (!can(session.role, ACTION_PERMISSIONS[handler.action])) return { status: "refused", message: "Actions.forbidden" };
  const unstorable = fieldsWithNullCharacter(payload);
  if (unstorable.length > 0) return { status: "refused", message: "Actions.invalid", fieldErrors: Object.fromEntries(unstorable.map((field) => [field, "unstorableCharacter"])) };
  const parsed = parseActionInput(handler.schema, payload);
  if (!parsed.success) return { status: "refused", message: "Actions.invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const fieldCapture = { deviceId: input.deviceId, itemId: input.itemId, capturedAt: input.capturedAt, syncedAt: new Date().toISOString(), positionAccuracyMetres: input.positionAccuracyMetres };
  try {
    // A savepoint inside the sync action's transaction, which runTransaction already watches.
    // eslint-disable-next-line no-restricted-syntax -- a savepoint, not a transaction
    const data = await tx.transaction((savepoint) =>
      handler.apply({
        input: parsed.data,
        session,
        tx: savepoint,
        metadata,
        deviceId: input.deviceId,
        // The record's own entry says it was captured in the field: when, on which device, synced when.
        audit: (details) =>
          appendAuditEntry(savepoint, {
            ...details,
            after: { ...(details.after as object), fieldCapture },
            actorId: session.userId,
            actorLabel: session.username,
            ...metadata,
          }),
      }),
    );
    return { status: "applied", data };
  } catch (error) {
    if (!(error instanceof ActionRefusal)) throw error;
    if (error.conflict) return { status: "conflict", message: error.messageKey, mine: parsed.data, theirs: error.conflict.theirValues, changedBy: error.conflict.changedBy, changedAt: error.conflict.changedAt };
    return error.fieldErrors ? { status: "refused", message: error.messageKey, fieldErrors: error.fieldErrors } : { status: "refused", message: error.messageKey };
  }
}

/** An item sent again (its answer was lost on the way): the kept outcome, nothing applied twice. */
async function earlierAnswer(tx: Transaction, input: FieldSyncItemValues, userId: string): Promise<FieldSyncOutcome | null> {
  const [earlier] = await tx.select().from(fieldSyncItems).where(eq(fieldSyncItems.itemId, input.itemId));
  if (!earlier) return null;
  if (earlier.userId !== userId || earlier.deviceId !== input.deviceId) throw new ActionRefusal("refused", "Field.itemTaken");
  return earlier.outcome as FieldSyncOutcome;
}

/**
 * One record a device queued offline, applied once by its idempotency key through the same
 * permission, schema, version check and audit as the online form. Each item gets one "field.sync"
 * entry with its outcome; an applied record's own entry carries when and where it was captured.
 */
export async function syncFieldItemRecord(context: ActionContext<FieldSyncItemValues>): Promise<FieldSyncAnswer> {
  const { input, session, tx, audit } = context;
  await ownDevice(tx, session, input.deviceId);
  const summary = { itemId: input.itemId, kind: input.kind, capturedAt: input.capturedAt };
  const earlier = await earlierAnswer(tx, input, session.userId);
  if (earlier) {
    await audit({ action: "field.syncReplay", entity: FIELD_DEVICE_ENTITY, entityId: input.deviceId, after: { ...summary, status: earlier.status } });
    return { ...earlier, itemId: input.itemId, replayed: true };
  }
  const handler = ITEM_HANDLERS[input.kind];
  const outcome = await applyItem(context, handler, await resolveReferences(tx, session.userId, handler, input.payload));
  await tx.insert(fieldSyncItems).values({
    itemId: input.itemId,
    deviceId: input.deviceId,
    userId: session.userId,
    kind: input.kind,
    status: outcome.status,
    outcome,
    capturedAt: new Date(input.capturedAt),
  });
  await audit({ action: "field.sync", entity: FIELD_DEVICE_ENTITY, entityId: input.deviceId, after: { ...summary, status: outcome.status, message: outcome.status === "applied" ? null : outcome.message } });
  return { ...outcome, itemId: input.itemId, replayed: false };
}
