import type { ActionResult } from "@/lib/actions/result";
import { localReference, type FieldSyncAnswer, type FieldSyncItemValues } from "./schemas";
import { QUEUE_PREFIX, waitingItems, type DeviceState, type QueuedItem } from "./device-state";
import type { FieldStore } from "./encrypted-store";

export type SyncItemAction = (input: FieldSyncItemValues) => Promise<ActionResult<FieldSyncAnswer>>;

/**
 * What a synced record taught the device: a site's or body's server id (and a body's version),
 * applied to `state`, which must be the device's latest (a record may have been added since the
 * sync began: learning is applied to it, never to the state the sync started from).
 */
export function learnFrom(state: DeviceState, item: QueuedItem, answer: FieldSyncAnswer): DeviceState {
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

/** Learns from one applied answer: the caller applies learnFrom to the device's latest state and keeps it. */
export type LearnFromAnswer = (item: QueuedItem, answer: FieldSyncAnswer) => Promise<void>;

/**
 * Sends the waiting items oldest first, one at a time, each under its own idempotency key. A network
 * failure or a signed-out session stops the run with everything still queued; an answer (applied,
 * conflict, refused) is kept beside its item, and `learn` is told before the next item is sent.
 * Sending again is harmless: the server replays answers. The queue it gives back holds the items it
 * was given, answered or not: merge it into the device's latest queue (withAnswered), which may hold
 * items added during the sync.
 */
export async function syncQueue(
  store: FieldStore,
  action: SyncItemAction,
  deviceId: string,
  queue: readonly QueuedItem[],
  learn: LearnFromAnswer,
): Promise<{ queue: QueuedItem[]; stoppedBy: string | null }> {
  const byId = new Map(queue.map((item) => [item.itemId, item]));
  for (const item of waitingItems(queue)) {
    let result: ActionResult<FieldSyncAnswer>;
    try {
      result = await action({ deviceId, itemId: item.itemId, kind: item.kind, capturedAt: item.capturedAt, positionAccuracyMetres: item.positionAccuracyMetres, payload: item.payload });
    } catch {
      return { queue: [...byId.values()], stoppedBy: "Field.networkFailed" };
    }
    if (!result.ok) {
      const updated = { ...item, lastError: result.message };
      byId.set(item.itemId, updated);
      await store.put(QUEUE_PREFIX + item.itemId, updated);
      if (result.error === "unauthenticated" || result.error === "forbidden" || result.message === "Field.deviceUnknown") {
        return { queue: [...byId.values()], stoppedBy: result.message };
      }
      continue;
    }
    const answered: QueuedItem = { ...item, state: result.data.status, outcome: result.data, lastError: null };
    byId.set(item.itemId, answered);
    await store.put(QUEUE_PREFIX + item.itemId, answered);
    await learn(item, result.data);
  }
  return { queue: [...byId.values()], stoppedBy: null };
}

/**
 * The device's latest list with the entries a sync answered put in place by id: what was added while
 * the sync ran stays, and what was discarded meanwhile is not brought back.
 */
export function withAnswered<Entry>(latest: readonly Entry[], answered: readonly Entry[], idOf: (entry: Entry) => string): Entry[] {
  const byId = new Map(answered.map((entry) => [idOf(entry), entry]));
  return latest.map((entry) => byId.get(idOf(entry)) ?? entry);
}
