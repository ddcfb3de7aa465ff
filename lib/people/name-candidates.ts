import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import type { PersonRow } from "./person-row";

/**
 * The people a typed name could mean, found by the phonetic keys of its words (part_keys,
 * migration 0016) before they are scored part by part in TypeScript (lib/names/name-match.ts).
 * Someone meant by a name of two or more words has the keys of at least two of them among their
 * parts, so each pair of the query's keys is one GIN lookup ("has both keys"), and a person
 * found by more pairs is more likely the one meant. Even at national scale a pair of common
 * names is held by a few hundred people; the candidates are capped and the likeliest kept.
 */
export const CANDIDATE_CAP = 400;

/** The record that matched (perhaps merged away) and the person shown for it. */
export interface NameCandidateRow extends PersonRow {
  name_latin: string;
  status: string;
  matched_given_name: string;
  matched_father_name: string;
  matched_grandfather_name: string;
  matched_family_name: string;
  matched_name_latin: string;
  matched_part_keys: string[];
}

/** The pairs of distinct keys to look up; a single key is looked up alone. */
export function keyLookups(keys: readonly string[]): string[][] {
  const distinct = [...new Set(keys.filter((key) => key !== ""))];
  if (distinct.length <= 1) return distinct.map((key) => [key]);
  return distinct.flatMap((first, index) => distinct.slice(index + 1).map((second) => [first, second]));
}

const hasKeys = (keys: string[]) => sql`select id from missing_persons where part_keys @> array[${sql.join(keys.map((key) => sql`${key}`), sql`, `)}]::text[]`;

function candidateRows(tx: Executor, ids: SQL, activeOnly: boolean): Promise<NameCandidateRow[]> {
  return selectRows<NameCandidateRow>(
    tx,
    // The ids as an array, so that the records are read by primary key: a join on the ids made
    // PostgreSQL hash the whole table, which costs as much as the table is long.
    sql`select s.id, s.case_number, s.given_name, s.father_name, s.grandfather_name, s.family_name, s.name_latin,
             s.birth_year, s.status, f.reference as family_reference,
             p.given_name as matched_given_name, p.father_name as matched_father_name,
             p.grandfather_name as matched_grandfather_name, p.family_name as matched_family_name,
             p.name_latin as matched_name_latin, p.part_keys as matched_part_keys
        from missing_persons p
        join missing_persons s on s.id = ${activeOnly ? sql`p.id` : sql`coalesce(p.merged_into_id, p.id)`}
        left join families f on f.id = s.family_id
       where p.id = any(array(${ids})) and p.voided_at is null and s.voided_at is null ${activeOnly ? sql`and p.merged_into_id is null` : sql``}`,
  );
}

/**
 * Records holding at least two of `keys` (or the one key, for a single word), those holding the
 * most pairs first, at most CANDIDATE_CAP. A merged record is found by its own name and shown as
 * the person it was merged into, unless `activeOnly` (duplicate checks want live records).
 */
export function findKeyedCandidates(tx: Executor, keys: readonly string[], options: { activeOnly?: boolean; excludeId?: string } = {}): Promise<NameCandidateRow[]> {
  const lookups = keyLookups(keys);
  if (lookups.length === 0) return Promise.resolve([]);
  const ids = sql`select id from (${sql.join(lookups.map(hasKeys), sql` union all `)}) hits
    where id is distinct from ${options.excludeId ?? null}::uuid
    group by id order by count(*) desc, id limit ${CANDIDATE_CAP}`;
  return candidateRows(tx, ids, options.activeOnly ?? false);
}

/**
 * Records holding any one of `keys`, at most `perKey` for each, in no particular order: when the
 * pairs found too few to fill a page, people sharing one part (a family name) fill it below them.
 * A GIN bitmap scan stops reading at the limit, so a key held by thousands costs little.
 */
export function findSingleKeyCandidates(tx: Executor, keys: readonly string[], perKey: number): Promise<NameCandidateRow[]> {
  const distinct = [...new Set(keys.filter((key) => key !== ""))];
  if (distinct.length === 0) return Promise.resolve([]);
  const ids = sql`select distinct id from (${sql.join(distinct.map((key) => sql`(${hasKeys([key])} limit ${perKey})`), sql` union all `)}) hits`;
  return candidateRows(tx, ids, false);
}

/**
 * For what the keys cannot find (a mistake no key folds, a name known only in Latin letters):
 * whole names alike by trigram, through the indexes on name_search and lower(name_latin), at the
 * thresholds the caller set (setTrigramThresholds).
 */
export function findSpelledCandidates(tx: Executor, normalised: string, latin: string, limit: number): Promise<NameCandidateRow[]> {
  const ids = sql`select id from (
      select id from missing_persons where name_search % ${normalised}
      union select id from missing_persons where ${normalised} <% name_search
      union select id from missing_persons where lower(name_latin) % ${latin}
      union select id from missing_persons where ${latin} <% lower(name_latin)) alike
    limit ${limit}`;
  return candidateRows(tx, ids, false);
}
