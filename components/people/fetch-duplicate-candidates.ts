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
  // In the body, not the address: names stay out of access logs (app/api/staff/persons/duplicates).
  const response = await fetch("/api/staff/persons/duplicates", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ givenName, fatherName, grandfatherName, familyName, birthYear }),
  });
  if (!response.ok) return [];
  return ((await response.json()) as { candidates: DuplicateCandidate[] }).candidates;
}
