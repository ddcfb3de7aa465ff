import type { users } from "@/db/schema";

type UserRow = typeof users.$inferSelect;

/** What the audit log records of an account before and after a change: never a hash or password. */
export function auditedState(user: UserRow) {
  return { role: user.role, disabled: user.disabled, mustChangePassword: user.mustChangePassword };
}

export function auditedNewUser(user: UserRow) {
  return { username: user.username, displayName: user.displayName, locale: user.locale, ...auditedState(user) };
}
