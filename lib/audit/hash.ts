import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical";

export const GENESIS_HASH = "0".repeat(64);

/** The fields an audit hash covers: everything in the entry except its own id and hash. */
export interface HashedAuditFields {
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

/**
 * What an entry's hash covers besides the previous hash: its fields as canonical JSON. It does not
 * depend on the chain, so an entry's body is made before the chain's lock is taken (migration 0046's
 * audit_append hashes it in the database, as auditEntryHash does here).
 */
export function auditEntryBody(fields: HashedAuditFields): string {
  return canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() });
}

export function auditEntryHash(prevHash: string, fields: HashedAuditFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(auditEntryBody(fields)).digest("hex");
}
