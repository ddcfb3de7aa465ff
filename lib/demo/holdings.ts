import "server-only";
import { count, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { families, graveSites, missingPersons, policeReports, remains, users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "./users";

/** The case records whose presence makes a database "not empty" for the seed. */
export interface CaseRecordCounts {
  graveSites: number;
  remains: number;
  missingPersons: number;
  families: number;
  policeReports: number;
}

const LABELS: Record<keyof CaseRecordCounts, readonly [one: string, many: string]> = {
  graveSites: ["grave site", "grave sites"],
  remains: ["remains", "remains"],
  missingPersons: ["missing person", "missing persons"],
  families: ["family", "families"],
  policeReports: ["police report", "police reports"],
};

type CaseTable = typeof graveSites | typeof remains | typeof missingPersons | typeof families | typeof policeReports;

async function countRows(db: Executor, table: CaseTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

/** Voided rows count too: they are evidence all the same. */
export async function countCaseRecords(db: Executor): Promise<CaseRecordCounts> {
  return {
    graveSites: await countRows(db, graveSites),
    remains: await countRows(db, remains),
    missingPersons: await countRows(db, missingPersons),
    families: await countRows(db, families),
    policeReports: await countRows(db, policeReports),
  };
}

export function holdsCaseRecords(counts: CaseRecordCounts): boolean {
  return Object.values(counts).some((n) => n > 0);
}

/** "116 remains, 3050 police reports": only what is there, for a refusal message. */
export function describeCaseRecords(counts: CaseRecordCounts): string {
  return (Object.keys(LABELS) as (keyof CaseRecordCounts)[])
    .filter((key) => counts[key] > 0)
    .map((key) => `${counts[key]} ${LABELS[key][counts[key] === 1 ? 0 : 1]}`)
    .join(", ");
}

/** Accounts that would collide with the demo's usernames (the index is on lower(username)). */
export async function existingDemoUsernames(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(inArray(sql`lower(${users.username})`, DEMO_ACCOUNTS.map((account) => account.username)));
  return rows.map((row) => row.username);
}
