import type { DonorRelationship, RelationshipSide } from "@/lib/enum-values";

/**
 * What a likelihood ratio shown to a person rests on (issue #21): the registry's exact
 * recomputation for the pair, with θ, the mutation model and rate, the frequency table (name and
 * SHA-256) and every relative used. Kept with an identification, so the dossier states it too.
 */
export interface LikelihoodRatioBasis {
  /** log10 of the exact LR the registry computes for the pair; null when there is nothing to compare. */
  log10Lr: number | null;
  theta: number;
  mutation: { model: "none" | "proportional"; rate: number };
  frequencyTable: { id: string; name: string; sha256: string };
  /** "pedigree": a typed relative placed by the family's explicit pedigree who has no label for this person. */
  relatives: { donorId: string; relationship: DonorRelationship | "pedigree"; side: RelationshipSide | null; sideAssumed: boolean }[];
  /** How the relatives were placed: by the family's explicit pedigree, or by their relationship labels (absent in older entries). */
  placedBy?: "pedigree" | "labels";
  lociCompared: number;
  /** Why the family gives no ratio (cannot be placed in one pedigree, or contradicts itself). */
  familyProblem: string | null;
  warnings: string[];
}

/**
 * "θ = 0.02 · μ = 0.002": the conditions in symbols both languages read alike; `symbols: false`
 * spells them ("theta = 0.02 · mu = 0.002") for the PDF, whose fonts have no Greek.
 */
export function lrConditions(basis: Pick<LikelihoodRatioBasis, "theta" | "mutation">, options: { symbols?: boolean } = {}): string {
  const [theta, mu] = options.symbols === false ? ["theta", "mu"] : ["θ", "μ"];
  return basis.mutation.model === "none" ? `${theta} = ${basis.theta}` : `${theta} = ${basis.theta} · ${mu} = ${basis.mutation.rate}`;
}
