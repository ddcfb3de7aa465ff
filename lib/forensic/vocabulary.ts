import { GRAVE_SITE_STATUSES, type GraveSiteStatus } from "@/lib/enum-values";

/*
 * The forensic enums' values, for the forms in the browser. They live in lib/enum-values.ts, which
 * imports nothing (db/schema/enums.ts builds its pgEnums from them), so no form bundles drizzle or
 * the table definitions (docs/BOUNDARY.md).
 */
export { CUSTODY_ACTIONS, GRAVE_SITE_STATUSES, PERSONAL_EFFECT_KINDS, REMAINS_CONDITIONS, SEXES } from "@/lib/enum-values";
export type { CustodyAction, GraveSiteStatus, PersonalEffectKind, RemainsCondition, Sex } from "@/lib/enum-values";

/** True when `next` is the same status or a later one: the work on a site does not go backwards. */
export function isForwardStatusChange(current: GraveSiteStatus, next: GraveSiteStatus): boolean {
  return GRAVE_SITE_STATUSES.indexOf(next) >= GRAVE_SITE_STATUSES.indexOf(current);
}
