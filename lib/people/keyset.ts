import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/forensic/remains-filters";

/** Where a list page starts: after the last row of the page before, or before the first row of the page after. */
export interface PagePosition {
  after?: string;
  before?: string;
}

export interface ListPage<Row> {
  rows: Row[];
  matches: number;
  nextCursor: string | null;
  previousCursor: string | null;
}

const cursorParameter = z.string().max(400);

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The page position in an address; a malformed one is ignored (the list starts at its first page). */
export function parsePagePosition(params: Record<string, string | string[] | undefined>): PagePosition {
  const after = cursorParameter.safeParse(single(params.after));
  if (after.success) return { after: after.data };
  const before = cursorParameter.safeParse(single(params.before));
  return before.success ? { before: before.data } : {};
}

/**
 * The keyset condition and order for a list sorted by `column` then id, both descending. Paging
 * backwards reads the rows just before the cursor in ascending order; pageOf turns them round.
 */
export function keysetOrder(column: AnyColumn, idColumn: AnyColumn, position: PagePosition): { boundary?: SQL; orderBy: SQL[]; backwards: boolean } {
  const backwards = position.before !== undefined;
  const cursor = decodeCursor(backwards ? position.before : position.after);
  const boundary = cursor ? (backwards ? sql`(${column}, ${idColumn}) > (${cursor.sortValue}, ${cursor.id})` : sql`(${column}, ${idColumn}) < (${cursor.sortValue}, ${cursor.id})`) : undefined;
  const direction = backwards && cursor ? asc : desc;
  return { boundary, orderBy: [direction(column), direction(idColumn)], backwards: backwards && cursor !== null };
}

/**
 * One page out of `pageSize + 1` rows read past the cursor: the extra row only tells whether
 * there is more in that direction. Never OFFSET, so a late page costs what the first does.
 */
export function pageOf<Row extends { id: string }>(
  fetched: Row[],
  pageSize: number,
  position: PagePosition,
  backwards: boolean,
  sortValueOf: (row: Row) => string,
): { rows: Row[]; nextCursor: string | null; previousCursor: string | null } {
  const more = fetched.length > pageSize;
  const rows = backwards ? fetched.slice(0, pageSize).reverse() : fetched.slice(0, pageSize);
  const [first, last] = [rows.at(0), rows.at(-1)];
  const cursorOf = (row: Row | undefined) => (row ? encodeCursor(sortValueOf(row), row.id) : null);
  return {
    rows,
    nextCursor: backwards || more ? cursorOf(last) : null,
    previousCursor: backwards ? (more ? cursorOf(first) : null) : position.after ? cursorOf(first) : null,
  };
}
