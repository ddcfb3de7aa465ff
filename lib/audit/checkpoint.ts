import "server-only";
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { auditCheckpoints, auditLog } from "@/db/schema";
import { canonicalJson } from "./canonical";
import { publicKeyText } from "./checkpoint-key";

/** The head of the audit chain at one moment: which entry, how many entries up to it, its hash. */
export interface CheckpointHead {
  entryId: number;
  count: number;
  hash: string;
}

/** What `npm run audit:checkpoint` prints and stores: the head, when, signed with Ed25519. */
export interface SignedCheckpoint extends CheckpointHead {
  format: typeof CHECKPOINT_FORMAT;
  signedAt: string;
  /** Base64 DER (SPKI) of the Ed25519 public key that verifies the signature. */
  publicKey: string;
  /** Base64 Ed25519 signature over signedMessage(checkpoint). */
  signature: string;
}

export const CHECKPOINT_FORMAT = "tarhuna-audit-checkpoint/1";

/**
 * The exact bytes signed: the canonical JSON (keys sorted, no spaces) of the format name, entry id,
 * count, hash and time. Anyone can rebuild it from the printed checkpoint and check it with any
 * Ed25519 implementation, without this software.
 */
export function signedMessage(checkpoint: Omit<SignedCheckpoint, "publicKey" | "signature">): Buffer {
  const { format, entryId, count, hash, signedAt } = checkpoint;
  return Buffer.from(canonicalJson({ format, entryId, count, hash, signedAt }), "utf8");
}

export function signCheckpoint(head: CheckpointHead, privateKey: KeyObject, signedAt = new Date()): SignedCheckpoint {
  const unsigned = { format: CHECKPOINT_FORMAT, ...head, signedAt: signedAt.toISOString() } as const;
  return {
    ...unsigned,
    publicKey: publicKeyText(privateKey),
    signature: sign(null, signedMessage(unsigned), privateKey).toString("base64"),
  };
}

/** True when the signature is the public key's over this checkpoint's contents. */
export function checkpointSignatureValid(checkpoint: SignedCheckpoint): boolean {
  try {
    const publicKey = createPublicKey({ key: Buffer.from(checkpoint.publicKey, "base64"), format: "der", type: "spki" });
    return verify(null, signedMessage(checkpoint), publicKey, Buffer.from(checkpoint.signature, "base64"));
  } catch {
    // A malformed key or signature is simply not a valid signature.
    return false;
  }
}

/** A short name of a public key (SHA-256 of its DER, first 16 hex digits), to compare by eye. */
export function keyFingerprint(publicKey: string): string {
  return createHash("sha256").update(Buffer.from(publicKey, "base64")).digest("hex").slice(0, 16);
}

/** The chain's head now: the newest entry and how many entries there are up to it (one snapshot). */
export async function currentHead(db: Executor): Promise<CheckpointHead | null> {
  const [head] = await selectRows<{ id: string | number; hash: string; count: string | number }>(
    db,
    sql`select head.id, head.hash, (select count(*) from ${auditLog} where ${auditLog.id} <= head.id) as count
        from (select ${auditLog.id} as id, ${auditLog.hash} as hash from ${auditLog} order by ${auditLog.id} desc limit 1) as head`,
  );
  return head ? { entryId: Number(head.id), count: Number(head.count), hash: head.hash } : null;
}

export async function storeCheckpoint(db: Executor, checkpoint: SignedCheckpoint): Promise<void> {
  await db.insert(auditCheckpoints).values({
    entryId: checkpoint.entryId,
    entryCount: checkpoint.count,
    hash: checkpoint.hash,
    signedAt: new Date(checkpoint.signedAt),
    publicKey: checkpoint.publicKey,
    signature: checkpoint.signature,
  });
}

type CheckpointRow = typeof auditCheckpoints.$inferSelect;

export function checkpointFromRow(row: CheckpointRow): SignedCheckpoint {
  return {
    format: CHECKPOINT_FORMAT,
    entryId: row.entryId,
    count: row.entryCount,
    hash: row.hash,
    signedAt: row.signedAt.toISOString(),
    publicKey: row.publicKey,
    signature: row.signature,
  };
}

/** The newest stored checkpoint (the one a dossier generated now lies under), if any. */
export async function latestStoredCheckpoint(db: Executor): Promise<SignedCheckpoint | null> {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.entryId), desc(auditCheckpoints.id)).limit(1);
  return row ? checkpointFromRow(row) : null;
}
