import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { birthYearsCompatible, fatherNamesCompatible } from "./duplicates";
import { withTrigramThresholds } from "./trigram";

export interface DuplicatePair {
  first: PairMember;
  second: PairMember;
  similarity: number;
}

interface PairMember {
  id: string;
  caseNumber: string;
  fullName: string;
  fatherName: string;
  birthYear: number | null;
  version: number;
}

interface PairRow {
  first_id: string;
  first_case_number: string;
  first_name: string;
  first_father_name: string;
  first_birth_year: number | null;
  first_version: number;
  second_id: string;
  second_case_number: string;
  second_name: string;
  second_father_name: string;
  second_birth_year: number | null;
  second_version: number;
  similarity: number | string;
}

const member = (row: PairRow, side: "first" | "second"): PairMember => ({
  id: row[`${side}_id`],
  caseNumber: row[`${side}_case_number`],
  fullName: row[`${side}_name`],
  fatherName: row[`${side}_father_name`],
  birthYear: row[`${side}_birth_year`],
  version: row[`${side}_version`],
});

/**
 * Pairs of active records with very similar names. Each person looks up at most three neighbours
 * through the trigram index (a lateral join), so the work grows with the number of people, not
 * with its square. Brothers share father, grandfather and family name; requiring alike given names
 * keeps them off the list.
 */
export async function listPossibleDuplicates(db: Executor, options: { threshold?: number; limit?: number } = {}): Promise<DuplicatePair[]> {
  const threshold = options.threshold ?? 0.6;
  const rows = await withTrigramThresholds(db, { similarity: threshold, wordSimilarity: 0.6 }, (tx) =>
    selectRows<PairRow>(
      tx,
      sql`select a.id as first_id, a.case_number as first_case_number, a.name_search as first_name,
                 a.father_name as first_father_name, a.birth_year as first_birth_year, a.version as first_version,
                 b.id as second_id, b.case_number as second_case_number, b.name_search as second_name,
                 b.father_name as second_father_name, b.birth_year as second_birth_year, b.version as second_version,
                 b.similarity
            from missing_persons a
            cross join lateral (
              select c.*, similarity(c.name_search, a.name_search) as similarity
                from missing_persons c
               where c.name_search % a.name_search and c.id > a.id
                 and c.merged_into_id is null and c.voided_at is null
               order by c.name_search <-> a.name_search
               limit 3) b
           where a.merged_into_id is null and a.voided_at is null
             and similarity(split_part(a.name_search, ' ', 1), split_part(b.name_search, ' ', 1)) >= 0.5
           order by b.similarity desc, a.case_number
           limit ${(options.limit ?? 100) * 2}`,
    ),
  );
  return rows
    .filter((row) => birthYearsCompatible(row.first_birth_year, row.second_birth_year))
    .filter((row) => fatherNamesCompatible(row.first_father_name, row.second_father_name))
    .slice(0, options.limit ?? 100)
    .map((row) => ({ first: member(row, "first"), second: member(row, "second"), similarity: Number(row.similarity) }));
}
