import type { FamilyPortalPerson } from "./status";

// Apart from status.ts (which reads the database) so the family page's component can count without a server-only import.
/** "1 of 7 identified": only identifications the family was told of in person count. */
export function identifiedCount(persons: readonly FamilyPortalPerson[]): number {
  return persons.filter((person) => person.outcome === "informed" || person.outcome === "returned").length;
}
