/*
 * The reasons an audit chain check can give, apart from the check itself (verify.ts reads the
 * database): the audit page's component names a reason in the reader's language from here without
 * importing a server-only module (docs/BOUNDARY.md).
 */

/** Why an entry breaks the chain, by name, so that a page can say it in the reader's language. */
export const AUDIT_BREAK_REASONS = {
  brokenLink: "its prev_hash does not match the previous entry's hash (an entry was removed or inserted before it)",
  changedEntry: "its stored hash does not match its contents (the entry was changed)",
  subMillisecond:
    "its occurred_at carries microseconds, which entries written by the application never have (the entry was changed)",
  idGap: "its id does not follow the previous entry's id by one (an entry before it was removed)",
  checkpointMismatch:
    "it differs from the signed checkpoint of this entry (hash or number of entries): the chain up to it was rewritten",
  checkpointNotReached: "the chain ends before this entry, which a signed checkpoint names: newer entries were removed",
} as const;

export type AuditBreakReason = keyof typeof AUDIT_BREAK_REASONS;

/** The name of a reason verify.ts gave, or undefined for any other text. */
export function auditBreakReasonName(reason: string): AuditBreakReason | undefined {
  const names = Object.keys(AUDIT_BREAK_REASONS) as AuditBreakReason[];
  return names.find((name) => AUDIT_BREAK_REASONS[name] === reason);
}
