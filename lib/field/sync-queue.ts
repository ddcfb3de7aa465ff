import type { ActionResult } from "@/lib/actions/result";
import { localReference, type FieldSyncAnswer, type FieldSyncItemValues } from "./schemas";
import { DEVICE_STATE_ID, QUEUE_PREFIX, waitingItems, type DeviceState, type QueuedItem } from "./device-state";
import type { FieldStore } from "./encrypted-store";

export type SyncItemAction = (input: FieldSyncItemValues) => Promise<ActionResult<FieldSyncAnswer>>;

/** What a synced record taught the device: a site's or body's server id (and a body's version). */
function learnFrom(state: DeviceState, item: QueuedItem, answer: FieldSyncAnswer): DeviceState {
  if (answer.status !== "applied") return state;
  const ref = localReference(item.itemId);
  if (item.kind === "graveSite.create") {
    const siteId = String(answer.data.siteId);
    return { ...state, sites: state.sites.map((site) => (site.ref === ref ? { ...site, ref: siteId } : site)) };
  }
  if (item.kind === "remains.create" || item.kind === "remains.fieldNote") {
    const remainsId = String(answer.data.remainsId);
    const version = Number(answer.data.version);
    const notes = item.kind === "remains.fieldNote" ? String(item.payload.notes) : undefined;
    return {
      ...state,
      bodies: state.bodies.map((body) =>
        body.ref === ref || body.remainsId === remainsId ? { ...body, ref: remainsId, remainsId, version, notes: notes ?? body.notes } : body,
      ),
    };
  }
  return state;
}

/**
 * Sends the waiting items oldest first, one at a time, each under its own idempotency key. A network
 * failure or a signed-out session stops the run with everything still queued; an answer (applied,
 * conflict, refused) is kept beside its item. Sending again is harmless: the server replays answers.
 */
export async function syncQueue(store: FieldStore, action: SyncItemAction, state: DeviceState, queue: QueuedItem[]): Promise<{ state: DeviceState; queue: QueuedItem[]; stoppedBy: string | null }> {
  let current = state;
  const byId = new Map(queue.map((item) => [item.itemId, item]));
  for (const item of waitingItems(queue)) {
    let result: ActionResult<FieldSyncAnswer>;
    try {
      result = await action({ deviceId: state.deviceId, itemId: item.itemId, kind: item.kind, capturedAt: item.capturedAt, positionAccuracyMetres: item.positionAccuracyMetres, payload: item.payload });
    } catch {
      return { state: current, queue: [...byId.values()], stoppedBy: "Field.networkFailed" };
    }
    if (!result.ok) {
      const updated = { ...item, lastError: result.message };
      byId.set(item.itemId, updated);
      await store.put(QUEUE_PREFIX + item.itemId, updated);
      if (result.error === "unauthenticated" || result.error === "forbidden" || result.message === "Field.deviceUnknown") {
        return { state: current, queue: [...byId.values()], stoppedBy: result.message };
      }
      continue;
    }
    const answered: QueuedItem = { ...item, state: result.data.status, outcome: result.data, lastError: null };
    byId.set(item.itemId, answered);
    current = learnFrom(current, item, result.data);
    await store.put(QUEUE_PREFIX + item.itemId, answered);
    await store.put(DEVICE_STATE_ID, current);
  }
  current = { ...current, lastSyncAt: new Date().toISOString() };
  await store.put(DEVICE_STATE_ID, current);
  return { state: current, queue: [...byId.values()], stoppedBy: null };
}
