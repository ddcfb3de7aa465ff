import type { Allele, Genotype } from "../types";

export type Sex = "male" | "female";

/** One person of a pedigree. A parent left out is an unknown founder of the population. */
export interface PedigreePerson {
  id: string;
  sex: Sex;
  father?: string;
  mother?: string;
}

/**
 * How an allele changes in one meiosis (the models of Familias and pedmut). Rates are per meiosis,
 * separately for mothers and fathers.
 */
export type MutationModel =
  | { model: "none" }
  | { model: "equal" | "proportional"; femaleRate: number; maleRate: number }
  | { model: "stepwise"; femaleRate: number; maleRate: number; range: number; microvariantRate: number };

export const NO_MUTATION: MutationModel = { model: "none" };

/** The application's default, shown with every likelihood ratio. */
export const DEFAULT_MUTATION: MutationModel = { model: "proportional", femaleRate: 0.002, maleRate: 0.002 };

export interface PedigreeOptions {
  /** Balding–Nichols coancestry coefficient, applied jointly to all founder alleles. */
  theta: number;
  mutation: MutationModel;
  /** Frequency of an allele a typed person carries but the table lacks. */
  minFrequency: number;
  /** Per locus, the frequency of a silent (null) allele; absent means none. */
  silentFrequencies?: Readonly<Record<string, number>>;
}

/** The question: the pedigree with the missing person in place, and what each person was typed as. */
export interface PedigreeCase {
  persons: readonly PedigreePerson[];
  missing: string;
  /** Typed genotypes by person id, then locus. A homozygote a/a may hide a drop-out (a/x). */
  profiles: Readonly<Record<string, Readonly<Record<string, Genotype>>>>;
  /** Per-sample drop-out probability (0 when absent). */
  dropout?: Readonly<Record<string, number>>;
}

export interface PedigreeResult {
  lr: number;
  log10Lr: number;
  loci: Record<string, number>;
  /** Loci where the missing person cannot belong to the pedigree without a mutation. */
  inconsistentLoci: string[];
  /** Loci where the references contradict one another whoever the missing person is: left out of lr. */
  referenceInconsistentLoci: string[];
  warnings: string[];
}

export type { Allele, Genotype };
