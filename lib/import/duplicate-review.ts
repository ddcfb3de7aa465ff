import "server-only";
import type { Executor } from "@/db/client";
import { findDuplicateCandidates } from "@/lib/people/duplicates";
import type { NameParts } from "@/lib/names/normalise-arabic";

export interface LikelyMatch {
  id: string;
  caseNumber: string;
  name: string;
  birthYear: number | null;
  similarity: number;
}

/**
 * The people on file a new person of the file may be: the same review the forms do. The one place
 * the import calls the duplicate search, so that a better matcher can be put in here alone.
 */
export async function likelyMatches(db: Executor, person: NameParts & { birthYear: number | null }): Promise<LikelyMatch[]> {
  const candidates = await findDuplicateCandidates(db, person);
  return candidates.map((candidate) => ({
    id: candidate.id,
    caseNumber: candidate.caseNumber,
    name: [candidate.givenName, candidate.fatherName, candidate.grandfatherName, candidate.familyName].filter((part) => part !== "").join(" "),
    birthYear: candidate.birthYear,
    similarity: candidate.similarity,
  }));
}
