import type { FrequencyTable } from "./frequencies";
import type { Allele } from "./types";

/**
 * The alleles that matter at one locus for one family: those its typed members carry, plus one
 * lumped allele standing for every other allele of the population. Lumping is exact here because
 * the mutation model below sends an allele to b with a probability that depends on b alone.
 */
export interface LocusModel {
  alleles: readonly Allele[];
  /** Frequencies by index; the last entry is the lumped allele. */
  frequencies: Float64Array;
  index: ReadonlyMap<Allele, number>;
  /** Genotypes as index pairs i ≤ j. */
  genotypes: readonly (readonly [number, number])[];
}

export function buildLocusModel(table: FrequencyTable, locus: string, seen: Iterable<Allele>): LocusModel {
  const alleles = [...new Set(seen)];
  const index = new Map(alleles.map((allele, position) => [allele, position]));
  const seenFrequencies = alleles.map((allele) => table.frequency(locus, allele));
  // With an unnormalised table the rest can vanish; the minimum frequency keeps unseen alleles possible.
  const rest = Math.max(1 - seenFrequencies.reduce((sum, value) => sum + value, 0), table.minFrequency);
  const frequencies = Float64Array.from([...seenFrequencies, rest]);
  const size = frequencies.length;
  const genotypes: [number, number][] = [];
  for (let i = 0; i < size; i += 1) for (let j = i; j < size; j += 1) genotypes.push([i, j]);
  return { alleles, frequencies, index, genotypes };
}

export const otherIndex = (model: LocusModel): number => model.frequencies.length - 1;

/** Hardy–Weinberg probability of an unordered genotype. */
export function genotypeFrequency(frequencies: Float64Array, i: number, j: number): number {
  const pi = frequencies[i] ?? 0;
  return i === j ? pi * pi : 2 * pi * (frequencies[j] ?? 0);
}

/**
 * What a parent of genotype (i, j) passes on: each allele with probability ½, which then stays
 * itself with probability 1 − μ or is replaced by an allele drawn from the population (the
 * "proportional" model: stationary, so an untyped founder's child still draws from p).
 */
export function transmission(frequencies: Float64Array, mutationRate: number, i: number, j: number): Float64Array {
  const vector = new Float64Array(frequencies.length);
  for (let allele = 0; allele < frequencies.length; allele += 1) {
    vector[allele] = mutationRate * (frequencies[allele] ?? 0);
  }
  vector[i] = (vector[i] ?? 0) + (1 - mutationRate) / 2;
  vector[j] = (vector[j] ?? 0) + (1 - mutationRate) / 2;
  return vector;
}

/** Probability that a child of parents passing `first` and `second` has genotype (a, b). */
export function childProbability(first: Float64Array, second: Float64Array, a: number, b: number): number {
  const fa = first[a] ?? 0;
  const sb = second[b] ?? 0;
  if (a === b) return fa * sb;
  return fa * sb + (first[b] ?? 0) * (second[a] ?? 0);
}
