import type { DuplicateCandidate } from "@/lib/people/duplicates";

/** Asks the server which people on file a name probably belongs to, before anything is saved. */
export async function fetchDuplicateCandidates(values: {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  birthYear: string;
}): Promise<DuplicateCandidate[]> {
  const { givenName, fatherName, grandfatherName, familyName, birthYear } = values;
  const query = new URLSearchParams({ givenName, fatherName, grandfatherName, familyName, birthYear });
  const response = await fetch(`/api/staff/persons/duplicates?${query}`);
  if (!response.ok) return [];
  return ((await response.json()) as { candidates: DuplicateCandidate[] }).candidates;
}
