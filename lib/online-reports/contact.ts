import type { ConsentLevel } from "./values";

/**
 * Whether the office may contact the reporter of a report: only while the report's consent (d)
 * holds (given, not withdrawn). Otherwise staff pages say not to, and offer neither the reporter's
 * phone nor e-mail (docs/CONSENT.md).
 */
export function reporterMayBeContacted(consents: readonly { level: ConsentLevel; withdrawnOn: string | null }[]): boolean {
  return consents.some((consent) => consent.level === "contact" && consent.withdrawnOn === null);
}
