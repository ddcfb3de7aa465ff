import { openDB, type DBSchema, type IDBPDatabase } from "idb";

/**
 * The device's store of drafts and queued field records (issue 25): IndexedDB through idb, every
 * value encrypted with AES-GCM under a key derived from a PIN the staff member chooses on the device
 * (PBKDF2-SHA-256). The key is never stored: a lost device holds only ciphertext, a salt and a
 * check value. Locking (signing out, even offline) forgets the key and keeps the ciphertext, so
 * records not yet synced are not lost; the PIN opens them again.
 */

const DATABASE_NAME = "tarhuna-field";
const PBKDF2_ITERATIONS = 310_000;
/** Encrypted when the store is made and decrypted on every opening: a wrong PIN fails here, not later. */
const KEY_CHECK_TEXT = "tarhuna-field-key-check";

interface Sealed {
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
}

/** Version 2 added the photographs' bytes, kept apart so that reading the queue never decrypts them. */
const DATABASE_VERSION = 2;

interface FieldStoreSchema extends DBSchema {
  meta: { key: "salt" | "keyCheck"; value: Uint8Array | Sealed };
  records: { key: string; value: Sealed };
  photos: { key: string; value: Sealed };
}

export class WrongPin extends Error {
  constructor() {
    super("the PIN does not open this device's field store");
    this.name = "WrongPin";
  }
}

export class StoreLocked extends Error {
  constructor() {
    super("the field store is locked");
    this.name = "StoreLocked";
  }
}

async function deriveKey(pin: string, salt: Uint8Array): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(pin), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations: PBKDF2_ITERATIONS },
    material,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

async function seal(key: CryptoKey, plaintext: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: "AES-GCM", iv: iv as BufferSource }, key, new TextEncoder().encode(plaintext));
  return { iv, ciphertext };
}

async function sealBytes(key: CryptoKey, plaintext: ArrayBuffer): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return { iv, ciphertext: await crypto.subtle.encrypt({ name: "AES-GCM", iv: iv as BufferSource }, key, plaintext) };
}

function unsealBytes(key: CryptoKey, sealed: Sealed): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv as BufferSource }, key, sealed.ciphertext);
}

async function unseal(key: CryptoKey, sealed: Sealed): Promise<string> {
  return new TextDecoder().decode(await unsealBytes(key, sealed));
}

function openDatabase(): Promise<IDBPDatabase<FieldStoreSchema>> {
  return openDB<FieldStoreSchema>(DATABASE_NAME, DATABASE_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore("meta");
        database.createObjectStore("records");
      }
      if (oldVersion < 2) database.createObjectStore("photos");
    },
  });
}

export interface FieldStore {
  put(id: string, value: unknown): Promise<void>;
  get<Value>(id: string): Promise<Value | undefined>;
  all<Value>(): Promise<Value[]>;
  delete(id: string): Promise<void>;
  /** A photograph's bytes, encrypted like every record (a camera picture is several megabytes: no JSON). */
  putBytes(id: string, bytes: ArrayBuffer): Promise<void>;
  getBytes(id: string): Promise<ArrayBuffer | undefined>;
  deleteBytes(id: string): Promise<void>;
  /** Forgets the key: nothing can be read or written until the PIN is given again. */
  lock(): void;
}

/** Whether this device already has a store (then the PIN must be the one chosen when it was made). */
export async function fieldStoreExists(): Promise<boolean> {
  const database = await openDatabase();
  try {
    return (await database.get("meta", "salt")) !== undefined;
  } finally {
    database.close();
  }
}

/** Opens the store with a PIN, making it (with this PIN) the first time; a wrong PIN throws WrongPin. */
export async function openFieldStore(pin: string): Promise<FieldStore> {
  const database = await openDatabase();
  let salt = (await database.get("meta", "salt")) as Uint8Array | undefined;
  let key: CryptoKey | null;
  if (salt === undefined) {
    salt = crypto.getRandomValues(new Uint8Array(16));
    key = await deriveKey(pin, salt);
    await database.put("meta", salt, "salt");
    await database.put("meta", await seal(key, KEY_CHECK_TEXT), "keyCheck");
  } else {
    key = await deriveKey(pin, salt);
    const check = (await database.get("meta", "keyCheck")) as Sealed | undefined;
    const opened = check ? await unseal(key, check).catch(() => null) : null;
    if (opened !== KEY_CHECK_TEXT) {
      database.close();
      throw new WrongPin();
    }
  }
  const unlocked = (): CryptoKey => {
    if (!key) throw new StoreLocked();
    return key;
  };
  return {
    async put(id, value) {
      await database.put("records", await seal(unlocked(), JSON.stringify(value)), id);
    },
    async get<Value>(id: string) {
      const current = unlocked();
      const sealed = await database.get("records", id);
      return sealed ? (JSON.parse(await unseal(current, sealed)) as Value) : undefined;
    },
    async all<Value>() {
      const current = unlocked();
      const sealed = await database.getAll("records");
      return Promise.all(sealed.map(async (entry) => JSON.parse(await unseal(current, entry)) as Value));
    },
    async delete(id) {
      unlocked();
      await database.delete("records", id);
    },
    async putBytes(id, bytes) {
      await database.put("photos", await sealBytes(unlocked(), bytes), id);
    },
    async getBytes(id) {
      const current = unlocked();
      const sealed = await database.get("photos", id);
      return sealed ? unsealBytes(current, sealed) : undefined;
    },
    async deleteBytes(id) {
      unlocked();
      await database.delete("photos", id);
    },
    lock() {
      key = null;
      database.close();
    },
  };
}

/** The raw rows as they lie on the disk, for tests that look for plaintext in them. */
export async function rawFieldStoreRows(): Promise<unknown[]> {
  const database = await openDatabase();
  try {
    return [...(await database.getAll("records")), ...(await database.getAll("photos")), ...(await database.getAll("meta"))];
  } finally {
    database.close();
  }
}
