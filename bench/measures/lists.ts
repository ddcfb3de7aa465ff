import { sql } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import type { StaffSession } from "@/lib/auth/current-session";
import type { Role } from "@/lib/auth/permissions";
import { authoriseRead } from "@/lib/auth/read-access";
import type { RemainsFilters } from "@/lib/forensic/remains-filters";
import { encodeCursor } from "@/lib/lists/keyset";
import { getRemainsPage } from "@/lib/forensic/remains-list";
import { getFamiliesPage } from "@/lib/people/family-list";
import { getReportsPage } from "@/lib/people/report-list";
import { medianTime } from "./timing";

/** The lists read as the roles that use them; no user row is needed for a read's capability. */
function benchSession(role: Role): StaffSession {
  return { userId: "00000000-0000-4000-8000-000000000000", username: `bench-${role}`, displayName: `bench ${role}`, role, mustChangePassword: false };
}

export interface ListFigures {
  list: string;
  rows: number;
  first: number;
  deep: number;
}

/** The row 90 % of the way down a list, in its order: where a deep page's keyset cursor points. */
async function cursorAt(db: Database, table: string, sortColumn: string, direction: "asc" | "desc"): Promise<{ cursor: string; rows: number }> {
  const [count] = await selectRows<{ rows: number }>(db, sql.raw(`select count(*)::int as rows from ${table} where voided_at is null`));
  const rows = count?.rows ?? 0;
  const [row] = await selectRows<{ sort_value: string; id: string }>(
    db,
    sql.raw(`select ${sortColumn}::text as sort_value, id from ${table} where voided_at is null
             order by ${sortColumn} ${direction}, id ${direction} offset ${Math.floor(rows * 0.9)} limit 1`),
  );
  if (!row) throw new Error(`${table} is empty`);
  return { cursor: encodeCursor(row.sort_value, row.id), rows };
}

/** Median time of the first page and of a page 90 % deep, through each list's own query function. */
export async function measureListPages(db: Database, runs: number): Promise<ListFigures[]> {
  const forensic = authoriseRead(benchSession("forensic"), "forensic.read");
  const registrar = authoriseRead(benchSession("registrar"), "people.read");
  const lists: { list: string; table: string; sort: string; direction: "asc" | "desc"; page: (after?: string) => Promise<unknown> }[] = [
    { list: "remains by code (lib/forensic/remains-list.ts)", table: "remains", sort: "code", direction: "asc", page: (after) => getRemainsPage(forensic, db, { sort: "code", after } satisfies RemainsFilters) },
    { list: "remains, latest recovered first", table: "remains", sort: "recovered_on", direction: "desc", page: (after) => getRemainsPage(forensic, db, { sort: "-recovered", after }) },
    { list: "police reports, latest filed first (lib/people/report-list.ts)", table: "police_reports", sort: "filed_on", direction: "desc", page: (after) => getReportsPage(registrar, db, { after }) },
    { list: "families with their missing persons (lib/people/family-list.ts)", table: "families", sort: "reference", direction: "desc", page: (after) => getFamiliesPage(registrar, db, { after }) },
  ];
  const figures: ListFigures[] = [];
  for (const entry of lists) {
    const { cursor, rows } = await cursorAt(db, entry.table, entry.sort, entry.direction);
    const first = await medianTime(() => entry.page(), runs);
    const deep = await medianTime(() => entry.page(cursor), runs);
    figures.push({ list: entry.list, rows, first, deep });
  }
  return figures;
}
