import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { auditLog } from "@/db/schema";

/**
 * A read of personal data is audited as "<entity>.read". It changes nothing in the registry: it must
 * not move the public figures' updatedAt nor invalidate their cache (migration 0011 keeps the same
 * rule in the audit log's notification trigger and in a partial index).
 */
export const READ_ACTION_SUFFIX = ".read";

export function readAction(entity: string): string {
  return `${entity}${READ_ACTION_SUFFIX}`;
}

export function isReadAction(action: string): boolean {
  return action.endsWith(READ_ACTION_SUFFIX);
}

/** Entries that record a change (not a read). Written literally so the partial index applies. */
export function isChangeEntry(): SQL {
  return sql`${auditLog.action} not like '%.read'`;
}

export function isReadEntry(): SQL {
  return sql`${auditLog.action} like '%.read'`;
}
