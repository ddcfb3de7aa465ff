import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { PUBLIC_CHANGE_CONDITION, READ_ACTION_SUFFIX } from "./public-changes";

/**
 * A read of personal data is audited as "<entity>.read". It changes nothing in the registry: it must
 * not move the public figures' updatedAt nor invalidate their cache (lib/audit/public-changes.ts,
 * with migration 0044's notification trigger and partial index).
 */
export function readAction(entity: string): string {
  return `${entity}${READ_ACTION_SUFFIX}`;
}

/** Entries that record a change (not a read). Written literally so the partial index applies. */
export function isChangeEntry(): SQL {
  return sql`${auditLog.action} not like '%.read'`;
}

export function isReadEntry(): SQL {
  return sql`${auditLog.action} like '%.read'`;
}

/**
 * Entries that may change a published figure (lib/audit/public-changes.ts): not reads, sign-ins,
 * refusals, account changes or exports. Written literally so the partial index of migration 0044 applies.
 */
export function isPublicChangeEntry(): SQL {
  return sql.raw(PUBLIC_CHANGE_CONDITION);
}
