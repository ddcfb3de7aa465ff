import type { FrequencyInput } from "./ratio";
import type { PedigreeOptions } from "./types";

/** A locus's two likelihoods for one body genotype (H1: the missing person in place; H2: unrelated), and the allele system's warnings. */
export interface LocusLikelihoods {
  withMissing: number;
  unrelated: number;
  warnings: string[];
}

/** What families with one locus signature (locus-plan.ts) share, by the body's genotype and drop-out. */
export interface SignatureEntry {
  likelihoods: Map<string, LocusLikelihoods>;
  /**
   * Whether the genotype needs a mutation there (no-mutation likelihood 0 under H1, not under H2).
   * A yes-or-no answer that does not depend on how it was computed (the family's open-genes vectors
   * or genotype by genotype: each is 0 exactly when every term of its sum of non-negative products
   * is 0, and no term of one locus comes near underflow), so either family's answer is the other's.
   */
  inconsistent: Map<string, boolean>;
  /**
   * The same entries found by number (codedKey: the locus's and genotype's numbers of one
   * GenotypeCodes, `codedBy`, for the family's own drop-out of 0): the DVI layer's lean answers
   * read them without making a key string per locus, which was most of a lookup's cost.
   */
  codedBy: object | null;
  likelihoodsByCode: Map<number, LocusLikelihoods>;
  inconsistentByCode: Map<number, boolean>;
}

/**
 * Locus likelihoods shared between families (the DVI layer's every family against every body):
 * two families whose pruned pedigrees have the same shape and whose references show the same
 * genotypes (and drop-outs) at a locus give a body's genotype there the very same computation, so
 * it is done once. At national scale most reference sets are one relative or two grandparents, and
 * common genotypes recur across thousands of families (bench/RESULTS.md, DVI, 2026-12-07 08:00).
 *
 * Bound to one frequency table and one set of options (the very objects): prepareLikelihoodRatio
 * reads it only when it is given those, so a family computed with anything else cannot read it.
 * Entries are kept per signature, so that a family's lookups stay in small maps.
 */
export class SharedLocusLikelihoods {
  private readonly entries = new Map<string, SignatureEntry>();

  constructor(
    readonly frequencies: FrequencyInput,
    readonly options: PedigreeOptions,
  ) {}

  entry(signature: string): SignatureEntry {
    let entry = this.entries.get(signature);
    if (!entry) {
      entry = { likelihoods: new Map(), inconsistent: new Map(), codedBy: null, likelihoodsByCode: new Map(), inconsistentByCode: new Map() };
      this.entries.set(signature, entry);
    }
    return entry;
  }
}
