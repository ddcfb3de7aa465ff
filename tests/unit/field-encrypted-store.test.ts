import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteDB } from "idb";
import { openFieldStore as openStore, rawFieldStoreRows, StoreLocked, WrongPin, type FieldStore } from "@/lib/field/encrypted-store";

const opened: FieldStore[] = [];

/** Each store a test opens is locked after it, so the next test can delete the database. */
async function openFieldStore(pin: string): Promise<FieldStore> {
  const store = await openStore(pin);
  opened.push(store);
  return store;
}

const BODY = { kind: "remains.create", payload: { code: "TRH-GS-07-B004", notes: "Ring engraved with the name Salem" } };

/** Every byte the store keeps, as one text, so a plaintext word written into it can be looked for. */
async function storedBytesAsText(): Promise<string> {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const parts: string[] = [];
  const collect = (value: unknown): void => {
    if (value instanceof ArrayBuffer) parts.push(decoder.decode(new Uint8Array(value)));
    else if (ArrayBuffer.isView(value)) parts.push(decoder.decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)));
    else if (typeof value === "string") parts.push(value);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(collect);
  };
  (await rawFieldStoreRows()).forEach(collect);
  return parts.join("\n");
}

describe("the device's encrypted field store", () => {
  beforeEach(async () => {
    await deleteDB("tarhuna-field");
  });

  afterEach(() => {
    for (const store of opened.splice(0)) store.lock();
  });

  it("gives back what it was given with the right PIN", async () => {
    const store = await openFieldStore("482913");
    await store.put("item-1", BODY);
    store.lock();
    const reopened = await openFieldStore("482913");
    expect(await reopened.get("item-1")).toEqual(BODY);
    expect(await reopened.all()).toEqual([BODY]);
  });

  it("keeps no plaintext on the disk", async () => {
    const store = await openFieldStore("482913");
    await store.put("item-1", BODY);
    const stored = await storedBytesAsText();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored).not.toContain("Salem");
    expect(stored).not.toContain("TRH-GS-07");
    expect(stored).not.toContain("482913");
  });

  it("keeps a photograph's bytes encrypted, apart from the records, and gives them back whole with the PIN", async () => {
    const store = await openFieldStore("482913");
    await store.put("item-1", BODY);
    const photo = new TextEncoder().encode("JFIF camera picture of a ring engraved Salem").buffer;
    await store.putBytes("photo:1", photo);
    expect(await storedBytesAsText()).not.toContain("Salem");
    // Reading the queue never decrypts (or returns) a photograph.
    expect(await store.all()).toEqual([BODY]);
    store.lock();
    const reopened = await openFieldStore("482913");
    expect(new Uint8Array((await reopened.getBytes("photo:1")) ?? new ArrayBuffer(0))).toEqual(new Uint8Array(photo));
    await reopened.deleteBytes("photo:1");
    expect(await reopened.getBytes("photo:1")).toBeUndefined();
  });

  it("opens nothing with a wrong PIN", async () => {
    const store = await openFieldStore("482913");
    await store.put("item-1", BODY);
    store.lock();
    await expect(openFieldStore("482914")).rejects.toBeInstanceOf(WrongPin);
  });

  it("reads nothing once locked (signed out), and keeps the records for the right PIN", async () => {
    const store = await openFieldStore("482913");
    await store.put("item-1", BODY);
    store.lock();
    await expect(store.get("item-1")).rejects.toBeInstanceOf(StoreLocked);
    await expect(store.all()).rejects.toBeInstanceOf(StoreLocked);
    expect(await (await openFieldStore("482913")).get("item-1")).toEqual(BODY);
  });
});
