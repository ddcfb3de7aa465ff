import "server-only";
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dataDirectory } from "@/db/config";
import { environment, type Environment } from "@/lib/env";

/**
 * Where the checkpoint signing key lives: AUDIT_CHECKPOINT_KEY, or a file in the operator's home.
 * Never inside the data directory: whoever holds the database (or a backup of it) must not hold the
 * key, or they could sign a rewritten chain.
 */
export function checkpointKeyPath(env: Pick<Environment, "AUDIT_CHECKPOINT_KEY" | "DATA_DIR"> = environment()): string {
  const configured = env.AUDIT_CHECKPOINT_KEY?.trim();
  const file = configured ? path.resolve(configured) : path.join(os.homedir(), ".tarhuna", "audit-checkpoint-ed25519.pem");
  const data = dataDirectory(env);
  if (file === data || file.startsWith(`${data}${path.sep}`)) {
    throw new CheckpointKeyError(`The checkpoint key ${file} lies inside the data directory ${data}: set AUDIT_CHECKPOINT_KEY to a path outside it.`);
  }
  return file;
}

export class CheckpointKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckpointKeyError";
  }
}

/** The signing key, created (0600, in a 0700 folder) on first use. */
export function loadOrCreateCheckpointKey(file: string): KeyObject {
  if (fs.existsSync(file)) return readCheckpointKey(file);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync("ed25519");
  fs.writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
  return privateKey;
}

export function readCheckpointKey(file: string): KeyObject {
  const key = createPrivateKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== "ed25519") throw new CheckpointKeyError(`${file} is not an Ed25519 private key.`);
  return key;
}

/** The public half as base64 DER (SPKI): printed, stored and compared as text. */
export function publicKeyText(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: "spki", format: "der" }).toString("base64");
}

/**
 * The public halves of the keys this installation signed with before (one base64 SPKI key a line),
 * beside the key file: checkpoints signed before a rotation still verify, while their private halves
 * are gone and can sign nothing more.
 */
export function retiredKeysPath(keyFile: string): string {
  return `${keyFile}.retired-public-keys`;
}

export function retiredPublicKeys(keyFile: string): string[] {
  const file = retiredKeysPath(keyFile);
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, "utf8").split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}

/**
 * Retires the current key: its public half is added to the retired keys, the private key file is
 * deleted, and a new key is created in its place. Returns both public keys.
 */
export function rotateCheckpointKey(keyFile: string): { retired: string; current: string } {
  if (!fs.existsSync(keyFile)) throw new CheckpointKeyError(`There is no checkpoint key at ${keyFile} to retire: npm run audit:checkpoint creates the first one.`);
  const retired = publicKeyText(readCheckpointKey(keyFile));
  fs.appendFileSync(retiredKeysPath(keyFile), `${retired}\n`, { mode: 0o600 });
  fs.rmSync(keyFile);
  return { retired, current: publicKeyText(loadOrCreateCheckpointKey(keyFile)) };
}
