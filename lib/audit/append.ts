import { desc } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditLog } from "@/db/schema";
import { auditEntryHash, GENESIS_HASH, type HashedAuditFields } from "./hash";

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

/** Any fixed number: it names the lock that serialises writers so the hash chain stays linear. */
const AUDIT_CHAIN_LOCK_KEY = 7_310_001;

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the change and its audit
 * entry commit or vanish together.
 */
export async function appendAuditEntry(
  tx: Transaction,
  input: AuditEntryInput,
): Promise<{ id: number; hash: string }> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const [previous] = await tx
    .select({ hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const fields: HashedAuditFields = {
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
  const hash = auditEntryHash(prevHash, fields);
  const [row] = await tx
    .insert(auditLog)
    .values({ ...fields, prevHash, hash })
    .returning({ id: auditLog.id });
  if (!row) throw new Error("audit entry was not written");
  return { id: row.id, hash };
}

/** What jsonb will hand back: dates as ISO strings, undefined as null. */
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
