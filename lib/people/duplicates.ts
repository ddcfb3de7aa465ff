import "server-only";
import { sql } from "drizzle-orm";
import { personFromRow, type PersonRow } from "./person-row";
import { selectRows, type Executor } from "@/db/client";
import { buildNameSearch, normaliseArabicName, type NameParts } from "@/lib/names/normalise-arabic";
import { withTrigramThresholds } from "./trigram";

export interface DuplicateCandidate {
  id: string;
  caseNumber: string;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  birthYear: number | null;
  familyReference: string | null;
  similarity: number;
}

/** Names this alike are worth a second look; below it, brothers and cousins would crowd the list. */
const NAME_SIMILARITY = 0.5;
const GIVEN_NAME_SIMILARITY = 0.5;
const BIRTH_YEAR_TOLERANCE = 2;

interface CandidateRow extends PersonRow {
  similarity: number | string;
  given_name_similarity: number | string;
}

function toCandidate(row: CandidateRow): DuplicateCandidate {
  return { ...personFromRow(row), similarity: Number(row.similarity) };
}

/** Unknown on either side is no evidence against a match; a known difference is. */
export function birthYearsCompatible(left: number | null, right: number | null): boolean {
  return left === null || right === null || Math.abs(left - right) <= BIRTH_YEAR_TOLERANCE;
}

export function fatherNamesCompatible(left: string, right: string): boolean {
  const [normalisedLeft, normalisedRight] = [normaliseArabicName(left), normaliseArabicName(right)];
  return normalisedLeft === "" || normalisedRight === "" || normalisedLeft === normalisedRight;
}

/**
 * The people a new record probably duplicates: a similar normalised name (trigram index), the same
 * father's name, a birth year within two. Shown before saving, so the report can be linked instead.
 */
export async function findDuplicateCandidates(
  db: Executor,
  person: NameParts & { birthYear: number | null },
  options: { excludeId?: string } = {},
): Promise<DuplicateCandidate[]> {
  const nameSearch = buildNameSearch(person);
  const givenName = normaliseArabicName(person.givenName).split(" ")[0] ?? "";
  if (nameSearch === "") return [];
  const rows = await withTrigramThresholds(db, { similarity: NAME_SIMILARITY, wordSimilarity: 0.6 }, (tx) =>
    selectRows<CandidateRow>(
      tx,
      sql`select p.id, p.case_number, p.given_name, p.father_name, p.grandfather_name, p.family_name, p.birth_year,
                 f.reference as family_reference, similarity(p.name_search, ${nameSearch}) as similarity,
                 similarity(split_part(p.name_search, ' ', 1), ${givenName}) as given_name_similarity
            from missing_persons p left join families f on f.id = p.family_id
           where p.name_search % ${nameSearch} and p.merged_into_id is null and p.voided_at is null
             and p.id is distinct from ${options.excludeId ?? null}::uuid
           order by p.name_search <-> ${nameSearch}
           limit 20`,
    ),
  );
  // Brothers share father, grandfather and family name: only alike given names make a duplicate.
  return rows
    .filter((row) => Number(row.given_name_similarity) >= GIVEN_NAME_SIMILARITY)
    .map(toCandidate)
    .filter((candidate) => fatherNamesCompatible(candidate.fatherName, person.fatherName))
    .filter((candidate) => birthYearsCompatible(candidate.birthYear, person.birthYear));
}
