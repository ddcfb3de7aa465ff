import type { custodyAction, graveSiteStatus, personalEffectKind, remainsCondition, sex } from "@/db/schema/enums";

/*
 * The database enums as plain arrays: the forms import these in the browser, where the drizzle
 * schema must not be bundled. `satisfies` keeps each list identical in spelling to its enum.
 */
type ValuesOf<Enum extends { enumValues: readonly string[] }> = Enum["enumValues"][number];

/** In the order the work on a site moves: a status only goes forward, except by an administrator. */
export const GRAVE_SITE_STATUSES = ["reported", "surveyed", "excavating", "exhumed", "closed"] as const satisfies readonly ValuesOf<
  typeof graveSiteStatus
>[];
export const SEXES = ["male", "female", "unknown"] as const satisfies readonly ValuesOf<typeof sex>[];
export const REMAINS_CONDITIONS = ["complete", "partial", "commingled", "fragmentary"] as const satisfies readonly ValuesOf<
  typeof remainsCondition
>[];
export const PERSONAL_EFFECT_KINDS = [
  "identity_document",
  "car_key",
  "phone",
  "clothing",
  "jewellery",
  "other",
] as const satisfies readonly ValuesOf<typeof personalEffectKind>[];
export const CUSTODY_ACTIONS = [
  "collected",
  "transferred",
  "received",
  "stored",
  "analysed",
  "released",
  "returned",
] as const satisfies readonly ValuesOf<typeof custodyAction>[];

export type GraveSiteStatus = (typeof GRAVE_SITE_STATUSES)[number];
export type Sex = (typeof SEXES)[number];
export type RemainsCondition = (typeof REMAINS_CONDITIONS)[number];
export type PersonalEffectKind = (typeof PERSONAL_EFFECT_KINDS)[number];
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** True when `next` is the same status or a later one: the work on a site does not go backwards. */
export function isForwardStatusChange(current: GraveSiteStatus, next: GraveSiteStatus): boolean {
  return GRAVE_SITE_STATUSES.indexOf(next) >= GRAVE_SITE_STATUSES.indexOf(current);
}
