import type { Genotype, PedigreeOptions, PedigreePerson, Sex } from "../pedigree/types";

/** Genotypes by locus. */
export type LocusProfile = Readonly<Record<string, Genotype>>;

/** An unidentified body (post-mortem sample). */
export interface DviBody {
  id: string;
  /** Known sex of the remains; a body is never placed as a missing person of the other sex. */
  sex?: Sex;
  profile: LocusProfile;
  dropout?: number;
}

/** A reference family: its pedigree, the missing persons in it, and the relatives' profiles. */
export interface DviFamily {
  id: string;
  persons: readonly PedigreePerson[];
  /** Ids in `persons` of the family's missing persons (untyped). */
  missing: readonly string[];
  profiles: Readonly<Record<string, LocusProfile>>;
  dropout?: Readonly<Record<string, number>>;
}

export interface DviOptions extends PedigreeOptions {
  /** T of the undisputed rule: LR ≥ T and ≥ T × every other LR in its row and its column. */
  threshold: number;
  /** A pair is excluded at this many loci inconsistent with the pedigree (without mutation). */
  exclusionLoci: number;
  /**
   * The prior: P(assignment) ∝ w^(number of bodies left "not in the database"). w = 1 makes every
   * assignment equally likely (dvir's flat prior).
   */
  notInDatabaseWeight: number;
  /** Most leaves the exact enumeration of one component may visit before weak pairs are set aside. */
  searchLimit: number;
}

export const DEFAULT_DVI_THRESHOLD = 1e4;
/**
 * The registry's T never falls below one per this many comparisons (bodies × missing persons with
 * references). An unrelated pair reaches an LR of T with probability at most 1/T (E[LR | unrelated]
 * = 1), so comparisons / T bounds the expected number of chance ratios at T. The default T = 10⁴
 * keeps that bound at 10 or below up to 10⁵ comparisons (Tarhuna: 116 bodies × 338 families is
 * 4 × 10⁴); beyond, T rises with the search so the bound stays at 10. With T fixed at 10⁴, 10,000
 * bodies × 10,000 families made 3 unrelated bodies leads in 5 simulated runs, with ratios of
 * 10^5.9–10^6.5 against a mother's reference (bench/RESULTS.md, "DVI decision layer").
 */
export const COMPARISONS_PER_UNIT_OF_THRESHOLD = 10;

/** The T the registry's lead rule uses: the one asked for, raised with the size of the search. */
export function searchSizeThreshold(requested: number, comparisons: number): number {
  return Math.max(requested, Math.ceil(comparisons / COMPARISONS_PER_UNIT_OF_THRESHOLD));
}
export const DEFAULT_EXCLUSION_LOCI = 3;
export const DEFAULT_SEARCH_LIMIT = 200_000;
/**
 * Body pairs are listed from this LR of one relation on: an unrelated pair reaches LR ≥ t for a
 * given relation with probability at most 1/t (E[LR | unrelated] = 1), so a body compared with 150
 * others shows on average at most 0.45 chance pairs over the three relations.
 */
export const DEFAULT_BODY_LIST_FROM = 1000;
/** Simulated families per set of references: a standard error of at most 0.035 on each power. */
export const DEFAULT_SAMPLING_SIMULATIONS = 200;

/** A missing person, named FAMILY:ID. */
export const missingKey = (family: string, missing: string): string => `${family}:${missing}`;

/** One body × missing person comparison. */
export interface DviPair {
  body: string;
  family: string;
  missing: string;
  /** FAMILY:ID */
  key: string;
  lr: number;
  /** log10 of lr; −Infinity when lr is 0. */
  log10Lr: number;
  /** Loci where the body cannot be this missing person without a mutation. */
  inconsistentLoci: readonly string[];
  sexMismatch: boolean;
  /** At least `exclusionLoci` inconsistent loci, a sex mismatch, or an LR of 0: never a candidate. */
  excluded: boolean;
}
