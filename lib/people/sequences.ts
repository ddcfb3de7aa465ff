import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Executor, type Transaction } from "@/db/client";
import { defineRead } from "@/lib/auth/read-access";

/** Any fixed number: it names the lock that hands out case numbers one at a time. */
const CASE_NUMBER_LOCK_KEY = 7_310_006;

async function highestNumber(db: Executor, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await selectRows<{ highest: number | null }>(db, query);
  return Number(row?.highest ?? 0);
}

/** The next free TRH-MP-00001 style number, allocated under a lock so two registrars never share one. */
export async function allocateCaseNumber(tx: Transaction): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CASE_NUMBER_LOCK_KEY})`);
  const highest = await highestNumber(
    tx,
    sql`select max(substring(case_number from 8)::int) as highest from missing_persons where case_number ~ '^TRH-MP-[0-9]{5}$'`,
  );
  return `TRH-MP-${String(highest + 1).padStart(5, "0")}`;
}

/** The next `count` free case numbers in order, under the same lock (a spreadsheet import's people). */
export async function allocateCaseNumbers(tx: Transaction, count: number): Promise<string[]> {
  if (count === 0) return [];
  const first = Number((await allocateCaseNumber(tx)).slice(7));
  return Array.from({ length: count }, (_, index) => `TRH-MP-${String(first + index).padStart(5, "0")}`);
}

/** A suggestion for the family form; the registrar may type another, and uniqueness is checked on save. */
async function suggestFamilyReferenceQuery(db: Executor): Promise<string> {
  const highest = await highestNumber(
    db,
    sql`select max(substring(reference from 7)::int) as highest from families where reference ~ '^TRH-F-[0-9]{4}$'`,
  );
  return `TRH-F-${String(highest + 1).padStart(4, "0")}`;
}
export const suggestFamilyReference = defineRead("people.write", suggestFamilyReferenceQuery);
