import type { Relationship } from "@/lib/kinship/types";

export type ReferenceConfiguration = { name: string; references: { relationship: Relationship; side?: "maternal" | "paternal" }[] };

/**
 * Realistic mixes of typed relatives (issue #22): both parents, one parent, siblings, half
 * siblings, grandparents, uncles, children with their mother. The DVI bench draws its programmes
 * from them (bench/dvi.ts, bench/dvi-national-parts.ts), and so does the test that checks the
 * registry's DVI layer against an exhaustive computation.
 */
export const DVI_REFERENCE_CONFIGURATIONS: readonly ReferenceConfiguration[] = [
  { name: "both parents", references: [{ relationship: "mother" }, { relationship: "father" }] },
  { name: "mother", references: [{ relationship: "mother" }] },
  { name: "father", references: [{ relationship: "father" }] },
  { name: "mother + full sibling", references: [{ relationship: "mother" }, { relationship: "full_sibling" }] },
  { name: "two full siblings", references: [{ relationship: "full_sibling" }, { relationship: "full_sibling" }] },
  { name: "one full sibling", references: [{ relationship: "full_sibling" }] },
  { name: "paternal half sibling", references: [{ relationship: "half_sibling", side: "paternal" }] },
  { name: "paternal grandparents", references: [{ relationship: "grandparent", side: "paternal" }, { relationship: "grandparent", side: "paternal" }] },
  { name: "paternal uncle + grandparent", references: [{ relationship: "aunt_uncle", side: "paternal" }, { relationship: "grandparent", side: "paternal" }] },
  { name: "two children + their mother", references: [{ relationship: "child" }, { relationship: "child" }, { relationship: "spouse" }] },
];
