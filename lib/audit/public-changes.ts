/*
 * Which audit entries may change what the public sees (the headline figures, the public site list,
 * the public pages built from them): the rule the public figures' cache follows in three places
 * that must agree, and so is written once, here.
 * - The audit log's notification trigger (migration 0044): other processes hear of a change.
 * - lib/audit/append.ts: this process counts its own change at once.
 * - lib/public/change-keyed-cache.ts's head of changes (a partial index of migration 0044, made
 *   from PUBLIC_CHANGE_CONDITION below): the once-a-second net under a lost notification.
 *
 * Every action counts unless it is listed here as one that touches no published figure: a read of
 * personal data, a sign-in or a refused one (auth.*, the family portal's sessions), an account's
 * own business (user.*), a refused action (authz.*), an export, an online report's status check.
 * A new kind of action therefore makes the public pages be rendered anew until someone lists it:
 * a needless render at worst, never a stale figure. This module imports nothing (db/schema reads it).
 */

/** Actions ending so are audited reads of personal data (lib/audit/read-actions.ts). */
export const READ_ACTION_SUFFIX = ".read";

/** Action prefixes of entries that change no published figure. */
export const NON_PUBLIC_ACTION_PREFIXES = ["auth.", "authz.", "user.", "familyPortal.", "export."] as const;

/** Single actions that change no published figure. */
export const NON_PUBLIC_ACTIONS = ["onlineReport.statusCheck"] as const;

/** Whether an audit entry with this action may change a published figure (see above). */
export function mayChangePublicAnswer(action: string): boolean {
  if (action.endsWith(READ_ACTION_SUFFIX)) return false;
  if (NON_PUBLIC_ACTION_PREFIXES.some((prefix) => action.startsWith(prefix))) return false;
  return !(NON_PUBLIC_ACTIONS as readonly string[]).includes(action);
}

/**
 * The same rule as an SQL condition on the audit log's `action` column, written literally (no
 * parameters) so that the planner can match it to the partial index made with it; LIKE's `_` and
 * `%` appear in no listed action, so each prefix and name is taken as written.
 */
export const PUBLIC_CHANGE_CONDITION = [
  `action NOT LIKE '%${READ_ACTION_SUFFIX}'`,
  ...NON_PUBLIC_ACTION_PREFIXES.map((prefix) => `action NOT LIKE '${prefix}%'`),
  ...NON_PUBLIC_ACTIONS.map((action) => `action <> '${action}'`),
].join(" AND ");
