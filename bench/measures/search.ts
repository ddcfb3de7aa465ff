import { sql } from "drizzle-orm";
import { selectRows, type Database } from "@/db/client";
import { createRandom } from "@/lib/demo/random";
import { searchMissingPersons } from "@/lib/people/search";
import { misspell } from "../spelling";
import { percentile, timed } from "./timing";

export interface SearchFigures {
  p95: number;
  median: number;
  /** Share of the searches that listed the person whose name was misspelt. */
  found: number;
  /** p95 of a search by exact case number through the same function: the floor for this database. */
  caseNumberP95: number;
  queries: number;
}

interface Target {
  id: string;
  case_number: string;
  given_name: string;
  father_name: string;
  family_name: string;
}

/**
 * Staff searches for misspelt names of people who are in the registry: given, father and family
 * name as a relative would type them, with one or two mistakes, through searchMissingPersons.
 */
export async function measureNameSearch(db: Database, queries: number, seed = 0x5ea2c4): Promise<SearchFigures> {
  const random = createRandom(seed);
  const targets = await selectRows<Target>(
    db,
    sql`select id, case_number, given_name, father_name, family_name from missing_persons
        where merged_into_id is null and voided_at is null order by md5(id::text || ${String(seed)}) limit ${queries}`,
  );
  for (const target of targets.slice(0, 5)) await searchMissingPersons(db, target.given_name);
  const times: number[] = [];
  let found = 0;
  for (const target of targets) {
    const query = misspell(random, [target.given_name, target.father_name, target.family_name].filter((part) => part !== ""));
    const { result, milliseconds } = await timed(() => searchMissingPersons(db, query));
    times.push(milliseconds);
    if (result.some((person) => person.id === target.id)) found += 1;
  }
  const caseNumberTimes: number[] = [];
  for (const target of targets.slice(0, Math.min(50, targets.length))) {
    caseNumberTimes.push((await timed(() => searchMissingPersons(db, target.case_number))).milliseconds);
  }
  return {
    p95: percentile(times, 0.95),
    median: percentile(times, 0.5),
    found: targets.length === 0 ? 0 : found / targets.length,
    caseNumberP95: percentile(caseNumberTimes, 0.95),
    queries: targets.length,
  };
}
