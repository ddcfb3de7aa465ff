import type { DonorRelationship } from "@/lib/enum-values";
import type { Relationship } from "./types";

/** The registry's finer relationships (sides, half siblings by parent) in the vocabulary of the kinship formulas. */
export const KINSHIP_RELATIONSHIP: Readonly<Record<DonorRelationship, Relationship>> = {
  mother: "mother",
  father: "father",
  full_sibling: "full_sibling",
  child: "child",
  maternal_half_sibling: "half_sibling",
  paternal_half_sibling: "half_sibling",
  grandparent: "grandparent",
  aunt_uncle: "aunt_uncle",
  cousin: "first_cousin",
  spouse: "spouse",
};
