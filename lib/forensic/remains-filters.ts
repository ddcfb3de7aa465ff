import { z } from "zod";
import { single } from "@/lib/lists/address-parameter";
import { parsePagePosition, type PagePosition } from "@/lib/lists/keyset";
import { GRAVE_SITE_STATUSES, REMAINS_CONDITIONS, SEXES } from "./vocabulary";

export const REMAINS_SORTS = ["code", "-code", "recovered", "-recovered"] as const;
export type RemainsSort = (typeof REMAINS_SORTS)[number];

/** What the remains list is asked for in its address; anything malformed is simply ignored. */
export interface RemainsFilters extends PagePosition {
  siteId?: string;
  siteStatus?: (typeof GRAVE_SITE_STATUSES)[number];
  sex?: (typeof SEXES)[number];
  condition?: (typeof REMAINS_CONDITIONS)[number];
  effects?: "with" | "without";
  search?: string;
  sort: RemainsSort;
}

const filterFields = {
  siteId: z.uuid(),
  siteStatus: z.enum(GRAVE_SITE_STATUSES),
  sex: z.enum(SEXES),
  condition: z.enum(REMAINS_CONDITIONS),
  effects: z.enum(["with", "without"]),
  search: z.string().trim().min(1).max(100),
};

function readField<Key extends keyof typeof filterFields>(
  params: Record<string, string | string[] | undefined>,
  key: Key,
): z.output<(typeof filterFields)[Key]> | undefined {
  const parsed = filterFields[key].safeParse(single(params[key]));
  return parsed.success ? (parsed.data as z.output<(typeof filterFields)[Key]>) : undefined;
}

export function parseRemainsFilters(params: Record<string, string | string[] | undefined>): RemainsFilters {
  const sort = z.enum(REMAINS_SORTS).safeParse(single(params.sort));
  const filters: RemainsFilters = { sort: sort.success ? sort.data : "code", ...parsePagePosition(params) };
  for (const key of Object.keys(filterFields) as (keyof typeof filterFields)[]) {
    const value = readField(params, key);
    if (value !== undefined) Object.assign(filters, { [key]: value });
  }
  return filters;
}

/**
 * The list's address for these filters, with `changes` applied (undefined removes a parameter).
 * The page position is kept only when `changes` names one: other filters or another sort start
 * the list again from its first page.
 */
export function remainsListQuery(filters: RemainsFilters, changes: Partial<RemainsFilters> = {}): Record<string, string> {
  const merged: Partial<RemainsFilters> = { ...filters, after: undefined, before: undefined, ...changes };
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined && !(key === "sort" && value === "code")) query[key] = String(value);
  }
  return query;
}

// bench/measures/lists.ts builds its deep-page cursors through this module.
