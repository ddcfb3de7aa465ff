import "server-only";
import { desc } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { selectRows, type Executor, type Transaction } from "@/db/client";
import { countAuditAppend } from "@/db/registry-changes";
import { auditLog } from "@/db/schema";
import { auditEntryBody, auditEntryHash, GENESIS_HASH, type HashedAuditFields } from "./hash";
import { mayChangePublicAnswer } from "./public-changes";

export interface AuditEntryInput {
  actorId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Any fixed number: it names the lock that serialises writers so the hash chain stays linear.
 * Migration 0046's audit_append takes the same one, written there literally.
 */
const AUDIT_CHAIN_LOCK_KEY = 7_310_001;

/**
 * The head entry's id and hash, under a lock held until the transaction ends (the bulk appends;
 * a single entry is appended by audit_append, which does the same in the database). The next entry takes
 * the head's id + 1 (not the sequence's next value, which a rolled-back transaction would have
 * spent), so the ids run without gaps and a verifier can tell that none is missing.
 */
async function lockChainHead(tx: Transaction): Promise<{ id: number; hash: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const [previous] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return previous ?? { id: 0, hash: GENESIS_HASH };
}

/**
 * Only an entry that may change a published figure gets this process's public figures recounted: a
 * read, a sign-in or a refusal leaves their cache, and the public pages kept with it, as they are.
 */
function countChanges(inputs: readonly AuditEntryInput[]): void {
  if (inputs.some((input) => mayChangePublicAnswer(input.action))) countAuditAppend();
}

function auditFields(input: AuditEntryInput): HashedAuditFields {
  return {
    occurredAt: new Date(),
    actorId: input.actorId,
    actorLabel: input.actorLabel,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
  };
}

/** A jsonb parameter as drizzle's jsonb column writes it: JSON text, and SQL NULL for null. */
const jsonbParameter = (value: unknown) => (value === null ? null : JSON.stringify(value));

/**
 * Appends one entry to the hash chain in one statement (migration 0046's audit_append: the chain's
 * lock, the head's read and the insert, in the database). Inside a transaction the change and its
 * entry commit or vanish together; `db` itself (a read's entry, which changes nothing else) makes
 * the statement its own transaction, one round trip in all, the lock released as it commits.
 */
async function appendOne(executor: Executor, input: AuditEntryInput): Promise<{ id: number; hash: string }> {
  const fields = auditFields(input);
  const [row] = await selectRows<{ appended_id: number | string; appended_hash: string }>(
    executor,
    sql`select appended_id, appended_hash from audit_append(
      ${fields.occurredAt.toISOString()}::timestamptz, ${fields.actorId}::uuid, ${fields.actorLabel}, ${fields.action}, ${fields.entity},
      ${fields.entityId}, ${jsonbParameter(fields.before)}::jsonb, ${jsonbParameter(fields.after)}::jsonb, ${fields.ip}, ${fields.userAgent},
      ${auditEntryBody(fields)})`,
  );
  if (!row) throw new Error("audit entry was not written");
  countChanges([input]);
  return { id: Number(row.appended_id), hash: row.appended_hash };
}

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the change and its audit
 * entry commit or vanish together.
 */
export function appendAuditEntry(tx: Transaction, input: AuditEntryInput): Promise<{ id: number; hash: string }> {
  return appendOne(tx, input);
}

/**
 * Appends a read's entry as a statement of its own (lib/audit/record-read.ts): a read changes
 * nothing that could roll back with it, and no published figure, so it needs no transaction around.
 */
export async function appendReadEntry(db: Executor, input: AuditEntryInput): Promise<{ id: number; hash: string }> {
  if (mayChangePublicAnswer(input.action)) throw new Error(`${input.action} is not a read: append it inside its change's transaction`);
  return appendOne(db, input);
}

/** Far below PostgreSQL's 65,535 bind parameters at 12 columns an entry. */
const BULK_CHUNK_SIZE = 500;

/**
 * Appends many entries in the given order (a seed recording each record it creates): one lock and
 * one read of the chain head, then multi-row inserts, each entry with the next id in that order, so
 * the chain follows the ids as the verifier walks them.
 */
export async function appendAuditEntries(tx: Transaction, inputs: readonly AuditEntryInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const head = await lockChainHead(tx);
  let prevHash = head.hash;
  const rows = inputs.map((input, index) => {
    const fields = auditFields(input);
    const hash = auditEntryHash(prevHash, fields);
    const row = { id: head.id + 1 + index, ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  for (let start = 0; start < rows.length; start += BULK_CHUNK_SIZE) {
    await tx.insert(auditLog).overridingSystemValue().values(rows.slice(start, start + BULK_CHUNK_SIZE));
  }
  countChanges(inputs);
}

/** What jsonb will hand back: dates as ISO strings, undefined as null. */
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
