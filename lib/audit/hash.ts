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

export function auditEntryHash(prevHash: string, fields: HashedAuditFields): string {
  const body = canonicalJson({ ...fields, occurredAt: fields.occurredAt.toISOString() });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}
