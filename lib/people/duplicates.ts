import "server-only";
import { personFromRow } from "./person-row";
import type { Executor } from "@/db/client";
import { comparePartByPart, NAME_ROLES, namePartForm, type PartMatch } from "@/lib/names/name-match";
import { namePartKeys } from "@/lib/names/name-key";
import { normaliseArabicName, type NameParts } from "@/lib/names/normalise-arabic";
import { rememberedByText } from "@/lib/remembered-by-text";
import { findKeyedCandidates, type NameCandidateRow, type NameLookup } from "./name-candidates";

export interface DuplicateCandidate {
  id: string;
  caseNumber: string;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  birthYear: number | null;
  familyReference: string | null;
  /** When the person was last seen (YYYY-MM-DD), so a registrar can tell two namesakes apart. */
  lastSeenOn: string | null;
  /** The name parts compared and how alike each is (the same name, or a close spelling). */
  parts: PartMatch[];
  similarity: number;
}

const BIRTH_YEAR_TOLERANCE = 2;
const MOST_CANDIDATES = 20;
/**
 * A part counts as the same name at this similarity: the same spelling or the same phonetic key.
 * Merely alike letters (محمد/احمد, 0.53) are two brothers more often than one man spelt twice.
 */
const SAME_NAME = 0.8;

/** Unknown on either side is no evidence against a match; a known difference is. */
export function birthYearsCompatible(left: number | null, right: number | null): boolean {
  return left === null || right === null || Math.abs(left - right) <= BIRTH_YEAR_TOLERANCE;
}

export function fatherNamesCompatible(left: string, right: string): boolean {
  const [normalisedLeft, normalisedRight] = [normaliseArabicName(left), normaliseArabicName(right)];
  return normalisedLeft === "" || normalisedRight === "" || normalisedLeft === normalisedRight;
}

/**
 * A given name's letters as a clerk's habits leave them: normalised (hamza seats, "ة", "ى",
 * tatweel, "عبد الله" joined), a bare hamza, doubled letters and a leading "ال" set aside. Unlike
 * the phonetic key it keeps long vowels: حسن and حسين, محمد and محمود are brothers' names, and a
 * brother is the false duplicate a registrar is most often shown.
 */
function givenNameLetters(name: string): string {
  return normaliseArabicName(name).replace(/[\s\u0621]/gu, "").replace(/(.)\1+/gu, "$1").replace(/^\u0627\u0644(.{3,})$/u, "$1");
}

/**
 * givenNameLetters remembered per spelling: a registry holds a few thousand given names, and an
 * import's review compares each of hundreds of people with a hundred candidates. Emptied when full.
 */
const rememberedGivenNameLetters = rememberedByText(givenNameLetters, 20_000);

/**
 * Whether two records likely name one person, part by part with the same matcher as the search
 * (lib/names/name-match.ts): every part written on both sides is the same name or a spelling of
 * it, the given name among them with the same letters (brothers share the rest), and at least three parts are compared
 * when the new record has three (a clerk leaving out the grandfather is common; leaving out all
 * but the given and family name says too little). The similarity is the mean over those parts.
 */
export function duplicateSimilarity(person: NameParts, other: NameParts): number | null {
  const similarities = comparePartByPart(person, other);
  const compared = similarities.filter((similarity): similarity is number => similarity !== null);
  const written = [person.givenName, person.fatherName, person.grandfatherName, person.familyName].filter((part) => normaliseArabicName(part) !== "").length;
  if (similarities[0] === null || givenNameLetters(person.givenName) !== givenNameLetters(other.givenName)) return null;
  if (compared.some((similarity) => similarity < SAME_NAME) || compared.length < Math.min(3, written)) return null;
  return compared.reduce((sum, similarity) => sum + similarity, 0) / compared.length;
}

/** Each name part written on both records, as the same name or a close spelling of it. */
function comparedParts(person: NameParts, row: NameCandidateRow): PartMatch[] {
  const similarities = comparePartByPart(person, { givenName: row.given_name, fatherName: row.father_name, grandfatherName: row.grandfather_name, familyName: row.family_name, nameLatin: row.name_latin });
  return NAME_ROLES.flatMap((role, index) => {
    const similarity = similarities[index];
    return similarity === null || similarity === undefined ? [] : [{ role, quality: similarity >= 1 ? "exact" : "close" } satisfies PartMatch];
  });
}

/** What a new record is looked up by: each part's phonetic keys (name-key.ts `namePartKeys`) and form, given, father, grandfather, family. */
export function duplicateLookup(person: NameParts): NameLookup {
  const parts = [person.givenName, person.fatherName, person.grandfatherName, person.familyName];
  return { keys: parts.flatMap(namePartKeys), forms: parts.map(namePartForm) };
}

/** A record without a given name is looked up by nothing: no candidate is proposed for it. */
export const hasDuplicateLookup = (person: NameParts) => normaliseArabicName(person.givenName) !== "";

/**
 * The candidates found for a new record that it probably duplicates: kept when duplicateSimilarity
 * says so and the birth years are within two, likest first (then by case number), at most
 * MOST_CANDIDATES. Shared by the one-record check below and the import's batched review
 * (batched-duplicates.ts), so both propose the same people.
 */
export function rankDuplicateCandidates(person: NameParts & { birthYear: number | null }, rows: readonly NameCandidateRow[]): DuplicateCandidate[] {
  const letters = rememberedGivenNameLetters(person.givenName);
  return rows
    // duplicateSimilarity refuses another given name's letters first: a cheap check, made before the part-by-part comparison.
    .filter((row) => birthYearsCompatible(row.birth_year, person.birthYear) && rememberedGivenNameLetters(row.given_name) === letters)
    .map((row) => ({ row, similarity: duplicateSimilarity(person, { givenName: row.given_name, fatherName: row.father_name, grandfatherName: row.grandfather_name, familyName: row.family_name, nameLatin: row.name_latin }) }))
    .filter((entry): entry is { row: NameCandidateRow; similarity: number } => entry.similarity !== null)
    .sort((left, right) => right.similarity - left.similarity || left.row.case_number.localeCompare(right.row.case_number))
    .slice(0, MOST_CANDIDATES)
    .map(({ row, similarity }) => ({ ...personFromRow(row), lastSeenOn: row.last_seen_on, parts: comparedParts(person, row), similarity }));
}

/**
 * The people a new record probably duplicates: found by the phonetic keys of its parts
 * (name-candidates.ts), kept when duplicateSimilarity says so and the birth years are within two.
 * Shown before saving, so the report can be linked instead.
 */
export async function findDuplicateCandidates(
  db: Executor,
  person: NameParts & { birthYear: number | null },
  options: { excludeId?: string } = {},
): Promise<DuplicateCandidate[]> {
  if (!hasDuplicateLookup(person)) return [];
  const rows = await findKeyedCandidates(db, duplicateLookup(person), { activeOnly: true, excludeId: options.excludeId });
  return rankDuplicateCandidates(person, rows);
}
