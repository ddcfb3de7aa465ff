import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { personFromRow, type PersonRow } from "./person-row";
import { selectRows, type Executor } from "@/db/client";
import { normaliseArabicName } from "@/lib/names/normalise-arabic";
import { inTransaction, prefixPattern, setTrigramThresholds } from "./trigram";

export type SearchMatch = "caseNumber" | "familyReference" | "reportNumber" | "name";

export interface PersonSearchResult {
  id: string;
  caseNumber: string;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  nameLatin: string;
  birthYear: number | null;
  status: string;
  familyReference: string | null;
  matchedBy: SearchMatch;
  score: number;
}

const MAX_QUERY_LENGTH = 100;

/**
 * Identifier matches come first (exact above prefix), then names by trigram similarity. A merged
 * record is found by its old case number or name but shown as the person it was merged into.
 */
function personMatches(query: string) {
  const upper = query.toUpperCase();
  const normalised = normaliseArabicName(query);
  const latin = query.toLowerCase();
  return sql`
    select coalesce(p.merged_into_id, p.id) as person_id,
           case when p.case_number = ${upper} then 4 else 3 end as score, 'caseNumber' as matched_by
      from missing_persons p where p.case_number like ${prefixPattern(upper)}
    union all
    select p.id, case when f.reference = ${upper} then 2.5 else 2 end, 'familyReference'
      from families f join missing_persons p on p.family_id = f.id
     where f.reference like ${prefixPattern(upper)} and p.merged_into_id is null
    union all
    select coalesce(p.merged_into_id, p.id), case when r.report_number = ${query} then 2.5 else 2 end, 'reportNumber'
      from police_reports r
      join police_report_persons rp on rp.report_id = r.id
      join missing_persons p on p.id = rp.missing_person_id
     where r.report_number like ${prefixPattern(query)} and r.voided_at is null
    union all ${nameMatches(sql`p.name_search`, normalised)}
    union all ${nameMatches(sql`lower(p.name_latin)`, latin)}`;
}

/**
 * Names in `column` like `query`: those at the similarity threshold or above, scoring the greater of
 * similarity and word similarity, and those at the word-similarity threshold, scoring their word
 * similarity. A name found only by the second has a similarity below its threshold, which is never
 * above the word-similarity one here, so its word similarity is the greater; a name found by both
 * keeps the greater score when matches are merged per person. Two index scans rather than one
 * `or`, which PostgreSQL tests twice on each of the thousands of candidates a common name has.
 */
function nameMatches(column: SQL, query: string) {
  return sql`
    select coalesce(p.merged_into_id, p.id), greatest(similarity(${column}, ${query}), word_similarity(${query}, ${column})), 'name'
      from missing_persons p where ${column} % ${query}
    union all
    select coalesce(p.merged_into_id, p.id), word_similarity(${query}, ${column}), 'name'
      from missing_persons p where ${query} <% ${column}`;
}

interface SearchRow extends PersonRow {
  name_latin: string;
  status: string;
  matched_by: SearchMatch;
  score: number | string;
}

function toResult(row: SearchRow): PersonSearchResult {
  return {
    ...personFromRow(row),
    nameLatin: row.name_latin,
    status: row.status,
    matchedBy: row.matched_by,
    score: Number(row.score),
  };
}

/**
 * What counts as a match, and its score, are fixed: a name whose similarity to the query is 0.3 or
 * more, or whose word similarity is 0.5 or more, scoring the greater of the two. The tiers below
 * only decide how much of that list is read: with both thresholds at t, the trigram indexes give
 * every name scoring t or more (all of them matches, as t ≥ 0.5), few for a high t.
 */
const NAME_TIERS = [0.6, 0.55, 0.5];
/** The search's own thresholds: weaker whole-name likenesses (0.3) are listed too, below the strong ones. */
const ALL_MATCHES = { similarity: 0.3, wordSimilarity: 0.5 };

function rankMatches(tx: Executor, query: string, limit: number): Promise<SearchRow[]> {
  return selectRows<SearchRow>(
    tx,
    sql`with matches as (${personMatches(query)}),
      best as (select distinct on (person_id) person_id, score, matched_by from matches order by person_id, score desc),
      page as (
        select p.id, p.case_number, p.given_name, p.father_name, p.grandfather_name, p.family_name, p.name_latin,
               p.birth_year, p.status, p.family_id, best.matched_by, best.score
          from best
          join missing_persons p on p.id = best.person_id
         where p.voided_at is null
         order by best.score desc, p.case_number
         limit ${limit})
      select page.id, page.case_number, page.given_name, page.father_name, page.grandfather_name, page.family_name,
             page.name_latin, page.birth_year, page.status, f.reference as family_reference, page.matched_by, page.score
        from page left join families f on f.id = page.family_id
       order by page.score desc, page.case_number`,
  );
}

/**
 * The staff search: one box for a name (Arabic or Latin, partial or misspelt), case number, family reference or report number.
 * A common name at national scale resembles thousands of records (one shared family name is enough
 * for a word similarity of 0.5), and scoring them all is the search's whole cost. So names are
 * read in tiers, closest first: when the identifiers and the names scoring at least t already fill
 * the page, every other person scores below t and could not have reached it. Only when the tiers
 * down to 0.5 fall short are the weak likenesses (similarity 0.3 to 0.5) looked for. The answer is
 * the same as one search over all matches.
 */
export async function searchMissingPersons(db: Executor, rawQuery: string, limit = 20): Promise<PersonSearchResult[]> {
  const query = rawQuery.trim().slice(0, MAX_QUERY_LENGTH);
  if (query === "") return [];
  const rows = await inTransaction(db, (tx) =>
    withIndexScans(tx, async () => {
      for (const threshold of NAME_TIERS) {
        await setTrigramThresholds(tx, { similarity: threshold, wordSimilarity: threshold });
        const tier = await rankMatches(tx, query, limit);
        if (tier.length >= limit) return tier;
      }
      await setTrigramThresholds(tx, ALL_MATCHES);
      return rankMatches(tx, query, limit);
    }),
  );
  return rows.map(toResult);
}

/**
 * The planner prices a trigram comparison like an integer one, so on a table of some ten thousand
 * people it reads every name for a word-similarity branch (60 ms) rather than the trigram index
 * (5 ms). Sequential scans are discouraged for the search alone, and the caller's setting put back.
 */
async function withIndexScans<Result>(tx: Executor, work: () => Promise<Result>): Promise<Result> {
  const [setting] = await selectRows<{ previous: string }>(
    tx,
    sql`select current_setting('enable_seqscan') as previous, set_config('enable_seqscan', 'off', true)`,
  );
  const result = await work();
  await tx.execute(sql`select set_config('enable_seqscan', ${setting?.previous ?? "on"}, true)`);
  return result;
}
