import { sql } from "drizzle-orm";
import { personFromRow, type PersonRow } from "./person-row";
import { selectRows, type Executor } from "@/db/client";
import { normaliseArabicName } from "@/lib/names/normalise-arabic";
import { prefixPattern, withTrigramThresholds } from "./trigram";

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
    union all
    select coalesce(p.merged_into_id, p.id),
           greatest(similarity(p.name_search, ${normalised}), word_similarity(${normalised}, p.name_search)), 'name'
      from missing_persons p where p.name_search % ${normalised} or ${normalised} <% p.name_search
    union all
    select coalesce(p.merged_into_id, p.id),
           greatest(similarity(lower(p.name_latin), ${latin}), word_similarity(${latin}, lower(p.name_latin))), 'name'
      from missing_persons p where lower(p.name_latin) % ${latin} or ${latin} <% lower(p.name_latin)`;
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

/** Thresholds at which a name is a strong match; every match found with them scores 0.5 or more. */
const STRONG_MATCHES = { similarity: 0.5, wordSimilarity: 0.5 };
/** The search's own thresholds: weaker whole-name likenesses (0.3) are listed too, below the strong ones. */
const ALL_MATCHES = { similarity: 0.3, wordSimilarity: 0.5 };

async function searchWith(db: Executor, query: string, limit: number, thresholds: typeof ALL_MATCHES): Promise<SearchRow[]> {
  return withTrigramThresholds(db, thresholds, (tx) =>
    selectRows<SearchRow>(
      tx,
      sql`with matches as (${personMatches(query)}),
        best as (select distinct on (person_id) person_id, score, matched_by from matches order by person_id, score desc)
        select p.id, p.case_number, p.given_name, p.father_name, p.grandfather_name, p.family_name, p.name_latin,
               p.birth_year, p.status, f.reference as family_reference, best.matched_by, best.score
          from best
          join missing_persons p on p.id = best.person_id
          left join families f on f.id = p.family_id
         where p.voided_at is null
         order by best.score desc, p.case_number
         limit ${limit}`,
    ),
  );
}

/**
 * The staff search: one box for a name (Arabic or Latin, partial or misspelt), case number, family reference or report number.
 * A common name at national scale resembles tens of thousands of records at 0.3; when the strong
 * matches alone fill the page, the weak ones (all scoring below 0.5) could not have reached it, so
 * they are only looked for when the strong ones fall short. The answer is the same either way.
 */
export async function searchMissingPersons(db: Executor, rawQuery: string, limit = 20): Promise<PersonSearchResult[]> {
  const query = rawQuery.trim().slice(0, MAX_QUERY_LENGTH);
  if (query === "") return [];
  const strong = await searchWith(db, query, limit, STRONG_MATCHES);
  const rows = strong.length >= limit ? strong : await searchWith(db, query, limit, ALL_MATCHES);
  return rows.map(toResult);
}
