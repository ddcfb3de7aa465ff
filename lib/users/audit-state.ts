import type { users } from "@/db/schema";
import { auditSnapshot } from "@/lib/audit/snapshot";

type UserRow = typeof users.$inferSelect;

/** What the audit log records of an account before and after a change: never a hash or password. */
export function auditedState(user: UserRow) {
  return { role: user.role, disabled: user.disabled, mustChangePassword: user.mustChangePassword };
}

/** A new account as the log keeps it: the columns AUDITED_COLUMNS.user allows, nothing a later column adds. */
export function auditedNewUser(user: UserRow) {
  return auditSnapshot("user", user);
}
