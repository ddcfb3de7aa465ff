import { SIDED_RELATIONSHIPS, type DonorRelationship, type RelationshipSide } from "@/lib/enum-values";

/** Relations that give no genetic reference: a spouse shares no DNA with the missing person. */
export const NON_GENETIC_RELATIONSHIPS: ReadonlySet<string> = new Set(["spouse"]);

const SIDED: ReadonlySet<string> = new Set(SIDED_RELATIONSHIPS);

/**
 * The side stored with a relation: a half sibling's is the relation's own, a grandparent's,
 * aunt's/uncle's or cousin's the one chosen, any other relation has none.
 */
export function storedSide(relationship: DonorRelationship, chosen: RelationshipSide | "" | undefined): RelationshipSide | null {
  if (relationship === "maternal_half_sibling") return "maternal";
  if (relationship === "paternal_half_sibling") return "paternal";
  return SIDED.has(relationship) && chosen ? chosen : null;
}
