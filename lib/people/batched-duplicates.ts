import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import type { NameParts } from "@/lib/names/normalise-arabic";
import { reportDataWithheld } from "@/lib/online-reports/consent-use";
import { duplicateLookup, hasDuplicateLookup, rankDuplicateCandidates, type DuplicateCandidate } from "./duplicates";
import { CANDIDATE_CAP, candidateColumns, keyLookups, keyPair, partsFit, SINGLE_KEY_CANDIDATE_CAP, type NameCandidateRow } from "./name-candidates";

/**
 * The duplicate review of many new records at once (an import's people): the same candidates as
 * findDuplicateCandidates finds for each (findKeyedCandidates, live records only), ranked by the
 * same rankDuplicateCandidates, but found for PERSONS_PER_STATEMENT records in one statement, a
 * lateral join over the records' lookups, instead of one statement each. The per-record query's
 * order and caps are written out again here over the lateral row's arrays; the integration test
 * (tests/integration/batched-duplicate-review.test.ts) holds both to the same proposals.
 */
export const PERSONS_PER_STATEMENT = 250;

type Person = NameParts & { birthYear: number | null };

/** One record's lookup, as the statement reads it from its JSON parameter. */
interface LookupRow {
  person: number;
  /** The pairs of distinct keys (keyPair), or the one key when there is one. */
  held: string[];
  keys: string[];
  forms: string[];
}

/** findKeyedCandidates' order (partsFit), over the lateral row's arrays instead of literals. */
const partsAccountedFor = partsFit(sql`q.forms`, sql`q.keys`, "m");

/** Records holding one of the pairs, at most CANDIDATE_CAP per lookup, in findKeyedCandidates' order. */
const pairHits = sql`select m.id from missing_persons m where m.part_key_pairs && q.held
  order by ${partsAccountedFor} desc, m.case_number limit ${sql.raw(String(CANDIDATE_CAP))}`;
/** Records holding the one key, at most SINGLE_KEY_CANDIDATE_CAP per lookup. */
const singleKeyHits = sql`select m.id from missing_persons m where m.part_keys @> q.held
  order by ${partsAccountedFor} desc, m.case_number limit ${sql.raw(String(SINGLE_KEY_CANDIDATE_CAP))}`;

interface BatchedCandidateRow extends NameCandidateRow {
  /** The lookups (LookupRow.person) that found this record. */
  persons: number[];
}

/**
 * Each live record found by any of the lookups, once, with the lookups that found it: records
 * shared by many people of a file (a common family name) are sent once (grouped by id before
 * the record is read: grouping the read records made PostgreSQL sort them on disk). As candidateRows with
 * activeOnly: the record shown is the one found, merged, voided and withheld records left out
 * after the cap, as there.
 */
function candidatesOfLookups(db: Executor, lookups: readonly LookupRow[], hits: SQL): Promise<BatchedCandidateRow[]> {
  return selectRows<BatchedCandidateRow>(
    db,
    sql`with q as (select * from json_to_recordset(${JSON.stringify(lookups)}::json) as q(person int, held text[], keys text[], forms text[])),
        found as (select hit.id, array_agg(q.person) as persons from q cross join lateral (${hits}) hit group by hit.id)
      select ${candidateColumns("p", "p", "f")}, found.persons
        from found
        join missing_persons p on p.id = found.id
        left join families f on f.id = p.family_id
       where p.voided_at is null and p.merged_into_id is null and not ${reportDataWithheld("search", sql`p.id`)}`,
  );
}

/** The lookup of one record, or null when it is looked up by nothing (as findKeyedCandidates answers none). */
function lookupOf(person: Person, index: number): { single: boolean; row: LookupRow } | null {
  if (!hasDuplicateLookup(person)) return null;
  const lookup = duplicateLookup(person);
  const lookups = keyLookups(lookup.keys);
  if (lookups.length === 0) return null;
  const single = lookups.length === 1 && lookups[0]?.length === 1;
  const held = single ? (lookups[0] ?? []) : lookups.map(([first = "", second = ""]) => keyPair(first, second));
  return { single, row: { person: index, held, keys: lookup.keys.filter((key) => key !== ""), forms: lookup.forms.filter((form) => form !== "") } };
}

/**
 * For each person, in order, the live records findKeyedCandidates finds for it (in no particular
 * order): a few statements for hundreds of people instead of one each.
 */
export async function findKeyedCandidatesOfMany(db: Executor, persons: readonly Person[]): Promise<NameCandidateRow[][]> {
  const found: NameCandidateRow[][] = persons.map(() => []);
  const lookups = persons.flatMap((person, index) => lookupOf(person, index) ?? []);
  for (const single of [false, true]) {
    const group = lookups.filter((lookup) => lookup.single === single).map((lookup) => lookup.row);
    for (let start = 0; start < group.length; start += PERSONS_PER_STATEMENT) {
      const rows = await candidatesOfLookups(db, group.slice(start, start + PERSONS_PER_STATEMENT), single ? singleKeyHits : pairHits);
      for (const { persons: finders, ...row } of rows) for (const person of finders) found[person]?.push(row);
    }
  }
  return found;
}

/** For each person, in order, what findDuplicateCandidates(db, person) proposes. */
export async function findDuplicateCandidatesOfMany(db: Executor, persons: readonly Person[]): Promise<DuplicateCandidate[][]> {
  const found = await findKeyedCandidatesOfMany(db, persons);
  return persons.map((person, index) => rankDuplicateCandidates(person, found[index] ?? []));
}
