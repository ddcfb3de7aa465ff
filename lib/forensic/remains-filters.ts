import { z } from "zod";
import { GRAVE_SITE_STATUSES, REMAINS_CONDITIONS, SEXES } from "./vocabulary";

export const REMAINS_SORTS = ["code", "-code", "recovered", "-recovered"] as const;
export type RemainsSort = (typeof REMAINS_SORTS)[number];

/** What the remains list is asked for in its address; anything malformed is simply ignored. */
export interface RemainsFilters {
  siteId?: string;
  siteStatus?: (typeof GRAVE_SITE_STATUSES)[number];
  sex?: (typeof SEXES)[number];
  condition?: (typeof REMAINS_CONDITIONS)[number];
  effects?: "with" | "without";
  search?: string;
  sort: RemainsSort;
  /** The keyset cursor: the last row of the previous page. */
  after?: string;
}

const filterFields = {
  siteId: z.uuid(),
  siteStatus: z.enum(GRAVE_SITE_STATUSES),
  sex: z.enum(SEXES),
  condition: z.enum(REMAINS_CONDITIONS),
  effects: z.enum(["with", "without"]),
  search: z.string().trim().min(1).max(100),
  after: z.string().max(400),
};

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function readField<Key extends keyof typeof filterFields>(
  params: Record<string, string | string[] | undefined>,
  key: Key,
): z.output<(typeof filterFields)[Key]> | undefined {
  const parsed = filterFields[key].safeParse(single(params[key]));
  return parsed.success ? (parsed.data as z.output<(typeof filterFields)[Key]>) : undefined;
}

export function parseRemainsFilters(params: Record<string, string | string[] | undefined>): RemainsFilters {
  const sort = z.enum(REMAINS_SORTS).safeParse(single(params.sort));
  const filters: RemainsFilters = { sort: sort.success ? sort.data : "code" };
  for (const key of Object.keys(filterFields) as (keyof typeof filterFields)[]) {
    const value = readField(params, key);
    if (value !== undefined) Object.assign(filters, { [key]: value });
  }
  return filters;
}

/** The list's address for these filters, with `changes` applied (undefined removes a parameter). */
export function remainsListQuery(filters: RemainsFilters, changes: Partial<RemainsFilters> = {}): Record<string, string> {
  const merged: Partial<RemainsFilters> = { ...filters, ...changes };
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined && !(key === "sort" && value === "code")) query[key] = String(value);
  }
  return query;
}

/** A cursor is the sort value and id of the last row shown, opaque to the reader. */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString("base64url");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // A hand-edited address: the list starts from the first page rather than failing.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

export function decodeCursor(cursor: string | undefined): { sortValue: string; id: string } | null {
  if (!cursor) return null;
  const decoded = parseJson(Buffer.from(cursor, "base64url").toString("utf8"));
  const parsed = z.tuple([z.string().max(100), z.uuid()]).safeParse(decoded);
  return parsed.success ? { sortValue: parsed.data[0], id: parsed.data[1] } : null;
}
