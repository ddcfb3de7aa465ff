import "server-only";
import { single } from "./address-parameter";
import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";

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

/** The page position in an address; a malformed one is ignored (the list starts at its first page). */
export function parsePagePosition(params: Record<string, string | string[] | undefined>): PagePosition {
  const after = cursorParameter.safeParse(single(params.after));
  if (after.success) return { after: after.data };
  const before = cursorParameter.safeParse(single(params.before));
  return before.success ? { before: before.data } : {};
}

/** A cursor is the sort value and id of a row at the edge of a page, opaque to the reader. */
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

/**
 * The position without a cursor whose sort value the column cannot hold (a hand-edited date would
 * make the database refuse the query): the list then starts at its first page.
 */
export function checkedPosition(position: PagePosition, sortValue: z.ZodType<string>): PagePosition {
  const fits = (cursor: string | undefined) => sortValue.safeParse(decodeCursor(cursor)?.sortValue).success;
  if (position.before !== undefined) return fits(position.before) ? { before: position.before } : {};
  return position.after !== undefined && fits(position.after) ? { after: position.after } : {};
}

/**
 * The keyset condition and order for a list sorted by `column` then id, both descending unless
 * `ascending`. Paging backwards reads the rows just before the cursor in the opposite order;
 * pageOf turns them round.
 */
export function keysetOrder(
  column: AnyColumn,
  idColumn: AnyColumn,
  position: PagePosition,
  { ascending = false }: { ascending?: boolean } = {},
): { boundary?: SQL; orderBy: SQL[]; backwards: boolean } {
  const cursor = decodeCursor(position.before ?? position.after);
  const backwards = position.before !== undefined && cursor !== null;
  const increasing = ascending !== backwards;
  const comparison = increasing ? sql`>` : sql`<`;
  const boundary = cursor ? sql`(${column}, ${idColumn}) ${comparison} (${cursor.sortValue}, ${cursor.id})` : undefined;
  const direction = increasing ? asc : desc;
  return { boundary, orderBy: [direction(column), direction(idColumn)], backwards };
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
  const afterCursor = !backwards && decodeCursor(position.after) !== null;
  return {
    rows,
    nextCursor: backwards || more ? cursorOf(last) : null,
    previousCursor: backwards ? (more ? cursorOf(first) : null) : afterCursor ? cursorOf(first) : null,
  };
}
