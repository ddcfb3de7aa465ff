import { describe, expect, test } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import type { DeviceState, QueuedItem } from "@/lib/field/device-state";
import type { FieldStore } from "@/lib/field/encrypted-store";
import { localReference, type FieldSyncAnswer, type FieldSyncItemValues } from "@/lib/field/schemas";
import { learnFrom, syncQueue, withAnswered } from "@/lib/field/sync-queue";

/** A device store that only remembers what was put (the sync writes answered items there). */
function memoryStore(): FieldStore & { kept: Map<string, unknown> } {
  const kept = new Map<string, unknown>();
  return {
    kept,
    put: async (id, value) => void kept.set(id, value),
    get: async <Value,>(id: string) => kept.get(id) as Value | undefined,
    all: async <Value,>() => [...kept.values()] as Value[],
    delete: async (id) => void kept.delete(id),
    putBytes: async () => {},
    getBytes: async () => undefined,
    deleteBytes: async () => {},
    lock: () => {},
  };
}

function queued(itemId: string, kind: QueuedItem["kind"], label: string): QueuedItem {
  return { itemId, sequence: Number(itemId.replace(/\D/g, "")), kind, capturedAt: "2026-12-07T10:00:00.000Z", positionAccuracyMetres: null, payload: {}, label, state: "queued", outcome: null, lastError: null };
}

const applied = (itemId: string, data: Record<string, unknown>): ActionResult<FieldSyncAnswer> => ({ ok: true, data: { status: "applied", data, itemId, replayed: false } });

const siteItem = queued("item-1", "graveSite.create", "TRH-GS-29");
const bodyItem = queued("item-2", "remains.create", "TRH-GS-29-B001");

const device: DeviceState = {
  deviceId: "device-1",
  label: "tablet",
  nextSite: 30,
  lastSite: 49,
  sites: [{ ref: localReference(siteItem.itemId), code: "TRH-GS-29", name: "east", discoveredOn: "2021-02-10", nextBody: 2, lastBody: 9999 }],
  bodies: [{ ref: localReference(bodyItem.itemId), code: "TRH-GS-29-B001", remainsId: null, version: null, notes: "" }],
  lastSyncAt: null,
};

describe("a field sync while the device goes on recording", () => {
  test("what a sync learns is applied to the device's latest state: a body recorded while the sync ran is kept, and the synced body gets its server id", async () => {
    let latest = device;
    const secondBody = { ref: localReference("item-3"), code: "TRH-GS-29-B002", remainsId: null, version: null, notes: "" };
    const action = async (input: FieldSyncItemValues) => {
      // The examiner saves the next body while the first answer is on its way back.
      if (input.itemId === siteItem.itemId) latest = { ...latest, bodies: [...latest.bodies, secondBody] };
      return input.itemId === siteItem.itemId ? applied(input.itemId, { siteId: "site-uuid" }) : applied(input.itemId, { remainsId: "remains-uuid", version: 1 });
    };

    const result = await syncQueue(memoryStore(), action, device.deviceId, [siteItem, bodyItem], async (item, answer) => {
      latest = learnFrom(latest, item, answer);
    });

    expect(result.stoppedBy).toBeNull();
    expect(latest.sites.map((site) => site.ref)).toEqual(["site-uuid"]);
    expect(latest.bodies).toEqual([
      { ref: "remains-uuid", code: "TRH-GS-29-B001", remainsId: "remains-uuid", version: 1, notes: "" },
      secondBody,
    ]);
  });

  test("each answer is learned before the next item is sent, so a note queued on a body synced earlier in the run names its server id", async () => {
    const learnedBeforeSending: string[] = [];
    let latest = device;
    const action = async (input: FieldSyncItemValues) => {
      learnedBeforeSending.push(latest.bodies[0]?.remainsId ?? "none");
      return input.itemId === siteItem.itemId ? applied(input.itemId, { siteId: "site-uuid" }) : applied(input.itemId, { remainsId: "remains-uuid", version: 1 });
    };
    await syncQueue(memoryStore(), action, device.deviceId, [siteItem, bodyItem, queued("item-4", "graveSite.create", "TRH-GS-30")], async (item, answer) => {
      latest = learnFrom(latest, item, answer);
    });
    expect(learnedBeforeSending).toEqual(["none", "none", "remains-uuid"]);
  });

  test("a network failure stops the run: nothing more is sent and nothing is learned from the unsent items", async () => {
    const sent: string[] = [];
    const learned: string[] = [];
    const action = async (input: FieldSyncItemValues) => {
      sent.push(input.itemId);
      if (input.itemId === bodyItem.itemId) throw new TypeError("Failed to fetch");
      return applied(input.itemId, { siteId: "site-uuid" });
    };
    const result = await syncQueue(memoryStore(), action, device.deviceId, [siteItem, bodyItem, queued("item-4", "graveSite.create", "TRH-GS-30")], async (item) => {
      learned.push(item.itemId);
    });
    expect(result.stoppedBy).toBe("Field.networkFailed");
    expect(sent).toEqual([siteItem.itemId, bodyItem.itemId]);
    expect(learned).toEqual([siteItem.itemId]);
    expect(result.queue.find((item) => item.itemId === bodyItem.itemId)?.state).toBe("queued");
  });

  test("the answered items go back into the device's latest list: an item queued during the sync stays, one discarded meanwhile is not brought back", () => {
    const addedMeanwhile = queued("item-5", "custody.record", "TRH-GS-29-B001");
    const answered = [{ ...siteItem, state: "applied" as const }, { ...bodyItem, state: "applied" as const }];
    // bodyItem was discarded during the sync; addedMeanwhile was queued.
    const merged = withAnswered([siteItem, addedMeanwhile], answered, (item) => item.itemId);
    expect(merged.map((item) => [item.itemId, item.state])).toEqual([
      [siteItem.itemId, "applied"],
      [addedMeanwhile.itemId, "queued"],
    ]);
  });
});
