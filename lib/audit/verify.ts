import "server-only";
import { asc, gt, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { CheckpointHead } from "./checkpoint";
import { AUDIT_BREAK_REASONS } from "./break-reasons";
import { auditEntryHash, GENESIS_HASH, type HashedAuditFields } from "./hash";

export type AuditChainReport =
  | { ok: true; count: number; headHash: string }
  | { ok: false; count: number; brokenAt: { id: number; reason: string } };

/** Enough rows to keep round trips few, few enough that a million entries never sit in memory. */
const DEFAULT_BATCH_SIZE = 1_000;

export { AUDIT_BREAK_REASONS, auditBreakReasonName, type AuditBreakReason } from "./break-reasons";

export const BROKEN_LINK_REASON = AUDIT_BREAK_REASONS.brokenLink;
export const CHANGED_ENTRY_REASON = AUDIT_BREAK_REASONS.changedEntry;
export const SUB_MILLISECOND_REASON = AUDIT_BREAK_REASONS.subMillisecond;
export const ID_GAP_REASON = AUDIT_BREAK_REASONS.idGap;
export const CHECKPOINT_MISMATCH_REASON = AUDIT_BREAK_REASONS.checkpointMismatch;
export const CHECKPOINT_NOT_REACHED_REASON = AUDIT_BREAK_REASONS.checkpointNotReached;

function readBatch(db: Executor, afterId: number, batchSize: number) {
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      // JavaScript dates hold milliseconds: a change below that would otherwise pass unseen.
      subMillisecond: sql<number>`(extract(microseconds from ${auditLog.occurredAt})::bigint % 1000)::int`,
      actorId: auditLog.actorId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      prevHash: auditLog.prevHash,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .where(gt(auditLog.id, afterId))
    .orderBy(asc(auditLog.id))
    .limit(batchSize);
}

type AuditRow = Awaited<ReturnType<typeof readBatch>>[number];

/** Why this entry breaks the chain, or null when it follows the previous entry and is unchanged. */
function findBreak(row: AuditRow, previous: { id: number; hash: string }): string | null {
  if (row.prevHash !== previous.hash) return BROKEN_LINK_REASON;
  // Ids are given without gaps (lib/audit/append.ts): a re-linked chain still shows a removed entry.
  if (row.id !== previous.id + 1) return ID_GAP_REASON;
  if (Number(row.subMillisecond) !== 0) return SUB_MILLISECOND_REASON;
  const fields: HashedAuditFields = {
    occurredAt: row.occurredAt,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    ip: row.ip,
    userAgent: row.userAgent,
  };
  return auditEntryHash(row.prevHash, fields) === row.hash ? null : CHANGED_ENTRY_REASON;
}

/**
 * Walks the whole audit chain in id order and reports the first entry that was changed, or that
 * follows a removed or inserted one. Entries appended while it runs are checked too: the chain only grows.
 *
 * With a checkpoint (a head signed earlier, whose signature the caller has checked), the chain must
 * still reach its entry with the same hash and the same number of entries up to it. That is what
 * catches the newest entries removed, or the whole chain re-hashed by someone who can write to it:
 * neither leaves a broken link, but neither can produce the signed hash again.
 */
export async function verifyAuditChain(
  db: Executor,
  { batchSize = DEFAULT_BATCH_SIZE, checkpoint }: { batchSize?: number; checkpoint?: CheckpointHead } = {},
): Promise<AuditChainReport> {
  let count = 0;
  let previous = { id: 0, hash: GENESIS_HASH };
  for (;;) {
    const batch = await readBatch(db, previous.id, batchSize);
    for (const row of batch) {
      const reason = findBreak(row, previous);
      if (reason) return { ok: false, count, brokenAt: { id: row.id, reason } };
      count += 1;
      previous = { id: row.id, hash: row.hash };
      if (checkpoint && row.id === checkpoint.entryId && (row.hash !== checkpoint.hash || count !== checkpoint.count)) {
        return { ok: false, count, brokenAt: { id: row.id, reason: CHECKPOINT_MISMATCH_REASON } };
      }
    }
    if (batch.length < batchSize) break;
  }
  if (checkpoint && previous.id < checkpoint.entryId) {
    return { ok: false, count, brokenAt: { id: checkpoint.entryId, reason: CHECKPOINT_NOT_REACHED_REASON } };
  }
  return { ok: true, count, headHash: previous.hash };
}
