import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectPreparedRows, type Executor } from "@/db/client";
import { NAME_ROLES, ROLE_WEIGHTS } from "@/lib/names/name-match";
import { reportDataWithheld } from "@/lib/online-reports/consent-use";
import type { PersonRow } from "./person-row";

/**
 * The people a typed name could mean, found by the phonetic keys of its words (part_keys,
 * migration 0016) before they are scored part by part in TypeScript (lib/names/name-match.ts).
 * Someone meant by a name of two or more words has the keys of at least two of them among their
 * parts, so the query's pairs of keys are looked up among each record's pairs (part_key_pairs,
 * migration 0042) in one GIN scan. At national scale
 * the pairs of common names find a thousand records and more for a four-part name; only the
 * CANDIDATE_CAP that the typed words account for best (partsAccountedFor) are read and scored,
 * five times a page: reading and scoring every one cost more than the lookups themselves.
 */
export const CANDIDATE_CAP = 100;
/**
 * When only one word has a key (the others have none, "يححيى", or there is one word), the key's
 * holders are many and the other words say nothing the database can rank them by: more are read.
 */
export const SINGLE_KEY_CANDIDATE_CAP = 400;

/** The record that matched (perhaps merged away) and the person shown for it. */
export interface NameCandidateRow extends PersonRow {
  name_latin: string;
  status: string;
  /** As text (YYYY-MM-DD), the same from either database driver; null when not known. */
  last_seen_on: string | null;
  matched_given_name: string;
  matched_father_name: string;
  matched_grandfather_name: string;
  matched_family_name: string;
  matched_name_latin: string;
}

/** The pairs of distinct keys to look up; a single key is looked up alone. */
export function keyLookups(keys: readonly string[]): string[][] {
  const distinct = [...new Set(keys.filter((key) => key !== ""))];
  if (distinct.length <= 1) return distinct.map((key) => [key]);
  return distinct.flatMap((first, index) => distinct.slice(index + 1).map((second) => [first, second]));
}

/** A text[] parameter: one bind value whatever the number of keys, so the statement's text (and its prepared plan) stays the same. */
const textArray = (values: readonly string[]) => sql`${`{${values.map((value) => `"${value.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`}::text[]`;

/** What a typed name is looked up by: each word's phonetic key and its forms (name-match.ts). */
export interface NameLookup {
  keys: readonly string[];
  forms: readonly string[];
}

/**
 * How much of a record the typed words account for, part by part, as the scorer would see it
 * without comparing letters: a part whose form a word has counts in full, one whose key a word
 * has counts KEY_MATCH (0.8), each weighted by its role (ROLE_WEIGHTS, the given name most), in
 * hundredths. The order in which candidates are kept: keys alone cannot tell a person named
 * exactly from hundreds named alike (علي and ليلى share a key, يحيى has none). Over the typed
 * forms and keys given once, as the row `typed` (typedWords): the same expression for every search,
 * built once.
 */
let partsAccountedForTyped: SQL | undefined;
function partsAccountedFor(): SQL {
  partsAccountedForTyped ??= partsFit(sql.raw("typed.forms"), sql.raw("typed.keys"));
  return partsAccountedForTyped;
}

/** The typed words' forms and keys as one row `typed`, two array parameters whatever their number. */
function typedWords(lookup: NameLookup): SQL {
  return sql`(select ${textArray(lookup.forms.filter((form) => form !== ""))} as forms, ${textArray(lookup.keys.filter((key) => key !== ""))} as keys) typed`;
}

/**
 * partsAccountedFor over any text[] expressions of the typed forms and keys (literals here, a
 * lateral row's arrays in the import's batched review), for the record `table` names (unqualified
 * columns when none): one ordering for every lookup by name keys.
 */
export function partsFit(forms: SQL, keys: SQL, table?: string): SQL {
  const column = (name: string) => sql.raw(table ? `${table}.${name}` : name);
  return sql.join(
    NAME_ROLES.map((role, index) => {
      const part = sql.raw(String(index + 1));
      const weight = 100 * ROLE_WEIGHTS[role];
      return sql`case when ${column("part_forms")}[${part}] = any(${forms}) then ${sql.raw(String(Math.round(weight)))} when ${column("part_keys")}[${part}] = any(${keys}) then ${sql.raw(String(Math.round(0.8 * weight)))} else 0 end`;
    }),
    sql` + `,
  );
}

/**
 * A NameCandidateRow's columns: the person shown (`shown`), the record whose name matched
 * (`matched`, the same record unless it was merged away) and the family (`family`), as the
 * statement names them. Shared by the search's lookups and the import's batched review.
 */
export function candidateColumns(shown: string, matched: string, family: string): SQL {
  return sql.raw(`${shown}.id, ${shown}.case_number, ${shown}.given_name, ${shown}.father_name, ${shown}.grandfather_name, ${shown}.family_name, ${shown}.name_latin,
             ${shown}.birth_year, ${shown}.status, ${shown}.last_seen_on::text as last_seen_on, ${family}.reference as family_reference,
             ${matched}.given_name as matched_given_name, ${matched}.father_name as matched_father_name,
             ${matched}.grandfather_name as matched_grandfather_name, ${matched}.family_name as matched_family_name,
             ${matched}.name_latin as matched_name_latin`);
}

/**
 * Every name lookup ends here: a person made from an online report whose consent (a) no longer
 * holds is not searched for by name nor offered as a duplicate (docs/CONSENT.md); the case number
 * and the family reference still find the record, for the office to answer the family.
 */
function candidateRows(tx: Executor, ids: SQL, activeOnly: boolean): Promise<NameCandidateRow[]> {
  // Prepared (selectPreparedRows): each of these statements' text is the same for every name.
  return selectPreparedRows<NameCandidateRow>(
    tx,
    // The ids as an array, so that the records are read by primary key: a join on the ids made
    // PostgreSQL hash the whole table, which costs as much as the table is long.
    sql`select ${candidateColumns("s", "p", "f")}
        from missing_persons p
        join missing_persons s on s.id = ${activeOnly ? sql`p.id` : sql`coalesce(p.merged_into_id, p.id)`}
        left join families f on f.id = s.family_id
       where p.id = any(array(${ids})) and p.voided_at is null and s.voided_at is null ${activeOnly ? sql`and p.merged_into_id is null` : sql``}
         and not ${reportDataWithheld("search", sql`s.id`)}`,
  );
}

/**
 * A pair of keys as part_key_pairs holds it (name_part_key_pairs, migration 0042): in code-point
 * order (the database compares them COLLATE "C"; keys are Arabic letters, one UTF-16 unit each),
 * a space between.
 */
export function keyPair(first: string, second: string): string {
  return first < second ? `${first} ${second}` : `${second} ${first}`;
}

/**
 * Records holding at least two of the keys (or the one key, for a single word), at most
 * CANDIDATE_CAP: those the typed words account for best first, then by case number as equal
 * scores are listed. (Ordering equals by how many typed keys they hold as well cost a third of
 * the statement at scale L, array slices evaluated for each of some 1,400 holders of a
 * four-part name's pairs, and changed no figure of `npm run bench:names`.) A merged record is found by its own name
 * and shown as the person it was merged into, unless `activeOnly` (duplicate checks want live records).
 *
 * The pairs are one GIN lookup on part_key_pairs (migration 0042), which reads only the records
 * holding a typed pair, each once: intersecting part_keys' lists pair by pair read the thousands
 * of holders of each key, and a record holding three keys three times (at scale L the database's
 * CPU per search fell by a fifth). One statement of the same text for any number of keys: the
 * pairs are one array parameter.
 */
export function findKeyedCandidates(tx: Executor, lookup: NameLookup, options: { activeOnly?: boolean; excludeId?: string } = {}): Promise<NameCandidateRow[]> {
  const lookups = keyLookups(lookup.keys);
  const single = lookups.length === 1 && lookups[0]?.length === 1 ? lookups[0][0] : undefined;
  if (lookups.length === 0) return Promise.resolve([]);
  const excluded = sql`id is distinct from ${options.excludeId ?? null}::uuid`;
  const fit = partsAccountedFor();
  if (single !== undefined) {
    const ids = sql`select id from missing_persons, ${typedWords(lookup)} where part_keys @> array[${single}]::text[] and ${excluded}
      order by ${fit} desc, case_number limit ${SINGLE_KEY_CANDIDATE_CAP}`;
    return candidateRows(tx, ids, options.activeOnly ?? false);
  }
  const pairs = lookups.map(([first = "", second = ""]) => keyPair(first, second));
  const ids = sql`select id from missing_persons, ${typedWords(lookup)} where part_key_pairs && ${textArray(pairs)} and ${excluded}
    order by ${fit} desc, case_number limit ${CANDIDATE_CAP}`;
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
  const ids = sql`select distinct hit.id from unnest(${textArray(distinct)}) as held(key)
    cross join lateral (select id from missing_persons where part_keys @> array[held.key] limit ${perKey}) hit`;
  return candidateRows(tx, ids, false);
}

/**
 * For what the keys cannot find (a mistake no key folds, a name known only in Latin letters):
 * names alike by trigram, through the indexes on name_search and lower(name_latin), at the
 * thresholds the caller set (setTrigramThresholds). An Arabic name is compared by its likest
 * stretch of words (`<%`) only: the whole-name similarity at 0.3 had the index recheck some
 * 26,000 of 100,000 names for a two-word query (the bench's fallback searches at L took 94 ms of
 * server CPU each with it, 34 ms without) and found, on the bench's queries, no one the stretch
 * did not.
 */
export function findSpelledCandidates(tx: Executor, normalised: string, latin: string, limit: number): Promise<NameCandidateRow[]> {
  const ids = sql`select id from (
      select id from missing_persons where ${normalised} <% name_search
      union select id from missing_persons where lower(name_latin) % ${latin}
      union select id from missing_persons where ${latin} <% lower(name_latin)) alike
    limit ${limit}`;
  return candidateRows(tx, ids, false);
}
