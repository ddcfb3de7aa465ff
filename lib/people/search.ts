import "server-only";
import { sql } from "drizzle-orm";
import { personFromRow, type PersonRow } from "./person-row";
import { isTransaction, selectPreparedRows, selectRows, type Executor } from "@/db/client";
import { createNameScorer, storedPartKey, type PartMatch } from "@/lib/names/name-match";
import { normaliseArabicName } from "@/lib/names/normalise-arabic";
import { findKeyedCandidates, findSingleKeyCandidates, findSpelledCandidates, type NameCandidateRow } from "./name-candidates";
import { inTransaction, prefixPattern, trigramThresholdSettings } from "./trigram";

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
  /** For a name match: which parts the typed words matched, and how (given ✓, father ✓, family ≈). */
  nameParts: PartMatch[];
  /** Identifiers 2 to 4 (exact above prefix), names 0 to 1 (name-match.ts). */
  score: number;
}

const MAX_QUERY_LENGTH = 100;
/** Whole-name likeness looked for only when the keys found too few people to fill the page. */
const SPELLED_THRESHOLDS = { similarity: 0.3, wordSimilarity: 0.5 };
const SPELLED_CANDIDATES = 300;

interface IdentifierRow extends PersonRow {
  name_latin: string;
  status: string;
  matched_by: SearchMatch;
  score: number | string;
}

/**
 * Case numbers, family references and report numbers, each from its start (exact above prefix).
 * A merged record is found by its old case number but shown as the person it was merged into.
 */
function identifierMatches(tx: Executor, query: string, limit: number): Promise<IdentifierRow[]> {
  const upper = query.toUpperCase();
  // Prepared (selectPreparedRows): the statement's text is the same for every query.
  return selectPreparedRows<IdentifierRow>(
    tx,
    sql`with matches as (
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
         where r.report_number like ${prefixPattern(query)} and r.voided_at is null),
      best as (select distinct on (person_id) person_id, score, matched_by from matches order by person_id, score desc)
      select p.id, p.case_number, p.given_name, p.father_name, p.grandfather_name, p.family_name, p.name_latin,
             p.birth_year, p.status, f.reference as family_reference, best.matched_by, best.score
        from best join missing_persons p on p.id = best.person_id left join families f on f.id = p.family_id
       where p.voided_at is null
       order by best.score desc, p.case_number
       limit ${limit}`,
  );
}

type NameScorer = ReturnType<typeof createNameScorer>;

/**
 * Names scored part by part; a person found through several records keeps the best. Relatives
 * and namesakes write the same four parts, so a name already scored is not scored again.
 */
function scoreNames(scorer: NameScorer, rows: NameCandidateRow[]): PersonSearchResult[] {
  const best = new Map<string, PersonSearchResult>();
  const scored = new Map<string, ReturnType<NameScorer["score"]>>();
  for (const row of rows) {
    const name = `${row.matched_given_name}\n${row.matched_father_name}\n${row.matched_grandfather_name}\n${row.matched_family_name}\n${row.matched_name_latin}`;
    let match = scored.get(name);
    if (!match) {
      match = scorer.score({
        givenName: row.matched_given_name,
        fatherName: row.matched_father_name,
        grandfatherName: row.matched_grandfather_name,
        familyName: row.matched_family_name,
        nameLatin: row.matched_name_latin,
      });
      scored.set(name, match);
    }
    if (match.score <= 0 || (best.get(row.id)?.score ?? 0) >= match.score) continue;
    best.set(row.id, { ...personFromRow(row), nameLatin: row.name_latin, status: row.status, matchedBy: "name", nameParts: match.parts, score: match.score });
  }
  return [...best.values()];
}

/**
 * People found by pairs of the words' keys; when they do not fill the page, people sharing one
 * word's key below them; and only when some word's key matched nobody (a mistake no key folds, a
 * name known only in Latin letters) whole names alike by trigram, the slowest of the three and
 * the only one that needs a transaction (for its thresholds).
 */
async function nameMatches(db: Executor, query: string, limit: number): Promise<PersonSearchResult[]> {
  const scorer = createNameScorer(query);
  const found = await findKeyedCandidates(db, scorer);
  let results = scoreNames(scorer, found);
  if (results.length >= limit) return results;
  const sharingOnePart = await findSingleKeyCandidates(db, scorer.keys, 2 * limit);
  results = results.concat(scoreNames(scorer, sharingOnePart));
  const heldKeys = new Set(
    [...found, ...sharingOnePart].flatMap((row) => [row.matched_given_name, row.matched_father_name, row.matched_grandfather_name, row.matched_family_name].map(storedPartKey)),
  );
  if (scorer.wordKeys.every((keys) => keys.every((key) => key === "") || keys.some((key) => heldKeys.has(key)))) return results;
  const ownTransaction = !isTransaction(db);
  const spelled = await inTransaction(db, (tx) =>
    withIndexScans(tx, ownTransaction, () => findSpelledCandidates(tx, normaliseArabicName(query), query.toLowerCase(), SPELLED_CANDIDATES)),
  );
  return results.concat(scoreNames(scorer, spelled));
}

/** Names hold no digits: a query with one is an identifier (case number, report number) alone. */
const HAS_DIGIT = /[0-9\u0660-\u0669\u06F0-\u06F9]/;
/** Case numbers and family references are Latin: an Arabic query without digits is a name alone. */
const ARABIC_LETTER = /[\u0621-\u064A]/;

const byScoreThenCaseNumber = (left: PersonSearchResult, right: PersonSearchResult) =>
  right.score - left.score || left.caseNumber.localeCompare(right.caseNumber);

/**
 * The staff search: one box for a name (Arabic or Latin, in any customary order, two to five
 * words, with titles or "بن", partial or misspelt), a case number, a family reference or a report
 * number. Identifiers rank above names; names rank by how well the typed words match the person's
 * parts one by one (lib/names/name-match.ts), the given name weighing most.
 */
export async function searchMissingPersons(db: Executor, rawQuery: string, limit = 20): Promise<PersonSearchResult[]> {
  const query = rawQuery.trim().slice(0, MAX_QUERY_LENGTH);
  if (query === "") return [];
  const isName = !HAS_DIGIT.test(query);
  const identifiers = isName && ARABIC_LETTER.test(query) ? [] : await identifierMatches(db, query, limit);
  const names = isName ? await nameMatches(db, query, limit) : [];
  const best = new Map<string, PersonSearchResult>();
  for (const result of [
    ...identifiers.map((row): PersonSearchResult => ({ ...personFromRow(row), nameLatin: row.name_latin, status: row.status, matchedBy: row.matched_by, nameParts: [], score: Number(row.score) })),
    ...names,
  ]) {
    if ((best.get(result.id)?.score ?? -1) < result.score) best.set(result.id, result);
  }
  return [...best.values()].sort(byScoreThenCaseNumber).slice(0, limit);
}

/**
 * The planner prices a trigram comparison like an integer one, so on a table of some ten thousand
 * people it reads every name for a word-similarity branch (60 ms) rather than the trigram index
 * (5 ms). Sequential scans are discouraged for the trigram lookup alone, in the statement that sets
 * the trigram thresholds (SPELLED_THRESHOLDS), and the caller's setting put back when the
 * transaction is the caller's: the search's own ends with the lookup, and its settings with it (a
 * round trip fewer).
 */
async function withIndexScans<Result>(tx: Executor, ownTransaction: boolean, work: () => Promise<Result>): Promise<Result> {
  const [setting] = await selectRows<{ previous: string }>(
    tx,
    sql`select current_setting('enable_seqscan') as previous, set_config('enable_seqscan', 'off', true), ${trigramThresholdSettings(SPELLED_THRESHOLDS)}`,
  );
  const result = await work();
  if (!ownTransaction) await tx.execute(sql`select set_config('enable_seqscan', ${setting?.previous ?? "on"}, true)`);
  return result;
}
