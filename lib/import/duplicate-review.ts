import "server-only";
import type { Executor } from "@/db/client";
import { findDuplicateCandidatesOfMany } from "@/lib/people/batched-duplicates";
import { findDuplicateCandidates, type DuplicateCandidate } from "@/lib/people/duplicates";
import type { NameParts } from "@/lib/names/normalise-arabic";

export interface LikelyMatch {
  id: string;
  caseNumber: string;
  name: string;
  birthYear: number | null;
  similarity: number;
}

const likelyMatchOf = (candidate: DuplicateCandidate): LikelyMatch => ({
  id: candidate.id,
  caseNumber: candidate.caseNumber,
  name: [candidate.givenName, candidate.fatherName, candidate.grandfatherName, candidate.familyName].filter((part) => part !== "").join(" "),
  birthYear: candidate.birthYear,
  similarity: candidate.similarity,
});

/**
 * The people on file a new person of the file may be: the same review the forms do. With
 * likelyMatchesOfMany, the one place the import calls the duplicate search, so that a better
 * matcher can be put in here alone.
 */
export async function likelyMatches(db: Executor, person: NameParts & { birthYear: number | null }): Promise<LikelyMatch[]> {
  return (await findDuplicateCandidates(db, person)).map(likelyMatchOf);
}

/**
 * likelyMatches for each of many people, in order: the same proposals, found a few hundred people
 * to a statement (a file's thousands of people one statement each took seconds).
 */
export async function likelyMatchesOfMany(db: Executor, persons: readonly (NameParts & { birthYear: number | null })[]): Promise<LikelyMatch[][]> {
  return (await findDuplicateCandidatesOfMany(db, persons)).map((candidates) => candidates.map(likelyMatchOf));
}
