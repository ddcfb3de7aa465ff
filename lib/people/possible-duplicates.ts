import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";
import { reportDataWithheld } from "@/lib/online-reports/consent-use";
import { birthYearsCompatible, duplicateSimilarity, fatherNamesCompatible } from "./duplicates";

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

interface MemberColumns {
  id: string;
  case_number: string;
  name_search: string;
  given_name: string;
  father_name: string;
  grandfather_name: string;
  family_name: string;
  name_latin: string;
  birth_year: number | null;
  version: number;
}

type PairRow = { [Column in keyof MemberColumns as `first_${Column}` | `second_${Column}`]: MemberColumns[Column] };

const COLUMNS = ["id", "case_number", "name_search", "given_name", "father_name", "grandfather_name", "family_name", "name_latin", "birth_year", "version"] as const;

function memberColumns(row: PairRow, side: "first" | "second"): MemberColumns {
  return Object.fromEntries(COLUMNS.map((column) => [column, row[`${side}_${column}`]])) as unknown as MemberColumns;
}

const nameParts = (member: MemberColumns) => ({
  givenName: member.given_name,
  fatherName: member.father_name,
  grandfatherName: member.grandfather_name,
  familyName: member.family_name,
  nameLatin: member.name_latin,
});

const pairMember = (member: MemberColumns): PairMember => ({
  id: member.id,
  caseNumber: member.case_number,
  fullName: member.name_search,
  fatherName: member.father_name,
  birthYear: member.birth_year,
  version: member.version,
});

/**
 * The three sets of parts a pair can share. duplicateSimilarity wants the given name and every
 * part written on both sides to be the same name, at least three parts compared: so a likely pair
 * has the same phonetic key (part_keys, migration 0016) in the given name and in at least two of
 * father, grandfather and family. Each set is one equality self-join over the live records.
 * No index serves it: PostgreSQL reads the whole table once and sorts or hashes it on the keys
 * for each set (btree indexes on the keys were tried and left unused, a full scan being cheaper
 * than reading every record through an index). Positions are PostgreSQL's, from 1.
 */
const SHARED_KEY_SETS = [
  [1, 2, 4],
  [1, 2, 3],
  [1, 3, 4],
] as const;

const key = (alias: "a" | "b", position: number) => sql.raw(`${alias}.part_keys[${String(position)}]`);
const active = (alias: "a" | "b") => sql.raw(`${alias}.merged_into_id is null and ${alias}.voided_at is null`);

/** No part written on both sides with different keys: what duplicateSimilarity would refuse anyway. */
const noDifferentPart = sql.join(
  [1, 2, 3, 4].map((position) => sql`(${key("a", position)} = ${key("b", position)} or ${key("a", position)} = '' or ${key("b", position)} = '')`),
  sql` and `,
);

function pairsSharing(positions: readonly number[]): SQL {
  const sameKeys = sql.join(positions.map((position) => sql`${key("b", position)} = ${key("a", position)} and ${key("a", position)} <> ''`), sql` and `);
  return sql`select a.id as first_id, b.id as second_id from missing_persons a join missing_persons b on ${sameKeys} and a.id < b.id
    where ${active("a")} and ${active("b")} and ${noDifferentPart}
      and not ${reportDataWithheld("search", sql`a.id`)} and not ${reportDataWithheld("search", sql`b.id`)}`;
}

const selectedColumns = (alias: "a" | "b", side: "first" | "second") =>
  sql.raw(COLUMNS.map((column) => `${alias}.${column} as ${side}_${column}`).join(", "));

/**
 * Pairs of active records that likely name one person, by the same matcher as the person form's
 * duplicate check (duplicateSimilarity in duplicates.ts): found by equal phonetic keys, kept when
 * the parts are the same names, the given name with the same letters (brothers share the rest),
 * the birth years within two and the fathers' names not different. Most alike first.
 */
export async function listPossibleDuplicates(db: Executor, options: { limit?: number } = {}): Promise<DuplicatePair[]> {
  const rows = await selectRows<PairRow>(
    db,
    sql`select ${selectedColumns("a", "first")}, ${selectedColumns("b", "second")}
          from (${sql.join(SHARED_KEY_SETS.map(pairsSharing), sql` union `)}) pairs
          join missing_persons a on a.id = pairs.first_id
          join missing_persons b on b.id = pairs.second_id`,
  );
  const pairs: DuplicatePair[] = [];
  for (const row of rows) {
    const [first, second] = [memberColumns(row, "first"), memberColumns(row, "second")];
    if (!birthYearsCompatible(first.birth_year, second.birth_year) || !fatherNamesCompatible(first.father_name, second.father_name)) continue;
    // Asked both ways: at least three parts compared whichever record has more parts written.
    const similarity = duplicateSimilarity(nameParts(first), nameParts(second));
    if (similarity === null || duplicateSimilarity(nameParts(second), nameParts(first)) === null) continue;
    pairs.push({ first: pairMember(first), second: pairMember(second), similarity });
  }
  return pairs
    .sort((left, right) => right.similarity - left.similarity || left.first.caseNumber.localeCompare(right.first.caseNumber))
    .slice(0, options.limit ?? 100);
}
