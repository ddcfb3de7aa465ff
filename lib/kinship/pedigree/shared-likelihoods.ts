import type { FrequencyInput } from "./ratio";
import type { PedigreeOptions } from "./types";

/** A locus's two likelihoods for one body genotype (H1: the missing person in place; H2: unrelated). */
export interface LocusLikelihoods {
  withMissing: number;
  unrelated: number;
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
 */
export class SharedLocusLikelihoods {
  private readonly signatures = new Map<string, number>();
  private readonly values = new Map<string, LocusLikelihoods>();
  private readonly strict = new Map<string, boolean>();

  constructor(
    readonly frequencies: FrequencyInput,
    readonly options: PedigreeOptions,
  ) {}

  /** A short number for a family's locus signature (everything but the body), so that keys stay small. */
  signatureId(signature: string): number {
    let id = this.signatures.get(signature);
    if (id === undefined) {
      id = this.signatures.size;
      this.signatures.set(signature, id);
    }
    return id;
  }

  likelihoods(key: string): LocusLikelihoods | undefined {
    return this.values.get(key);
  }

  remember(key: string, value: LocusLikelihoods): void {
    this.values.set(key, value);
  }

  /** The no-mutation inconsistency test computed genotype by genotype (not the family vectors'). */
  strictTest(key: string): boolean | undefined {
    return this.strict.get(key);
  }

  rememberStrictTest(key: string, inconsistent: boolean): void {
    this.strict.set(key, inconsistent);
  }
}
