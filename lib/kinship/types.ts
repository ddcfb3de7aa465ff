/** An STR allele as the laboratory reports it: repeat count, with a microvariant after the dot (9.3). */
export type Allele = string;

/** Two alleles, sorted; a homozygote carries the same allele twice. */
export type Genotype = readonly [Allele, Allele];

/** Genotypes by locus name (D3S1358, TH01, ...). */
export type Profile = Readonly<Record<string, Genotype>>;

/**
 * How a reference is related to the missing person (the CLI's vocabulary, issue #13). A spouse is
 * no relative: typed beside the missing person's children, the spouse tells which of a child's
 * alleles came from the other parent.
 */
export const RELATIONSHIPS = [
  "mother",
  "father",
  "full_sibling",
  "child",
  "half_sibling",
  "grandparent",
  "aunt_uncle",
  "first_cousin",
  "spouse",
] as const;

export type Relationship = (typeof RELATIONSHIPS)[number];

export interface Reference {
  id: string;
  relationship: Relationship;
  /** For grandparents, aunts/uncles, half siblings and cousins: through the mother or the father. */
  side?: "maternal" | "paternal";
  genotype: Profile;
}

/**
 * A family's explicit pedigree (issue 21), as the engine computes it: persons by id (a donor's, a
 * missing person's or an untyped person's), and the typed ones' profiles. When a candidate has
 * one, every exact LR places the relatives by it rather than by their relationship labels.
 */
export interface ExplicitPedigree {
  persons: readonly { id: string; sex: "male" | "female"; father?: string; mother?: string }[];
  typed: readonly { id: string; genotype: Profile }[];
}

export interface KinshipOptions {
  /** Balding–Nichols coancestry coefficient F_ST. */
  theta: number;
  /** Per-transmission probability that a parent passes on a mutated allele. */
  mutationRate: number;
}

export const DEFAULT_THETA = 0.02;
export const DEFAULT_MIN_FREQUENCY = 0.001;

export function isRelationship(value: unknown): value is Relationship {
  return typeof value === "string" && (RELATIONSHIPS as readonly string[]).includes(value);
}
