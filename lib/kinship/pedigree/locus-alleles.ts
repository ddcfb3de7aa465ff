import { compareAlleles } from "../alleles";
import { isLumpable, mutationMatrices, type MutationMatrix } from "./mutation";
import { PedigreeError } from "./structure";
import type { MutationModel } from "./types";

/** Label of the lumped allele: every allele of the population no typed person carries. */
export const LUMPED = "*";
/** Label of the silent (null) allele. */
export const SILENT = "0";

/** One locus reduced to the alleles the computation needs. */
export interface LocusAlleles {
  labels: string[];
  frequencies: Float64Array;
  index: ReadonlyMap<string, number>;
  /** Position of the silent allele, -1 without one. */
  silent: number;
  female: MutationMatrix;
  male: MutationMatrix;
  warnings: string[];
}

/**
 * Frequencies: the table as given; an allele a typed person carries that the table lacks gets the
 * minimum frequency, and when the table then sums above 1 it is renormalised. A table summing below
 * 1 leaves the rest to alleles it does not name (one unnamed allele for the mutation model). A
 * silent allele of frequency s scales every other allele by 1 − s.
 */
export function buildLocusAlleles(
  locus: string,
  table: ReadonlyMap<string, number>,
  observed: Iterable<string>,
  options: { minFrequency: number; silentFrequency: number; mutation: MutationModel },
): LocusAlleles {
  const warnings: string[] = [];
  const population = new Map(table);
  for (const allele of observed) if (!population.has(allele)) population.set(allele, options.minFrequency);
  const named = [...population.values()].reduce((sum, p) => sum + p, 0);
  const lumpable = isLumpable(options.mutation);
  let rest = Math.max(0, 1 - named);
  let scale = 1;
  if (named > 1 || (!lumpable && rest > 0)) {
    if (!lumpable && rest > 1e-9) warnings.push(`${locus}: the stepwise model needs every allele; the table (sum ${named.toPrecision(6)}) was scaled to 1`);
    scale = 1 / named;
    rest = 0;
  }
  if (rest < 1e-12) rest = 0;
  const silent = options.silentFrequency;
  if (!(silent >= 0 && silent < 1)) throw new PedigreeError(`${locus}: the silent allele frequency must lie in [0, 1)`);
  const seen = new Set(observed);
  const all = [...population.keys()].sort(compareAlleles);
  const explicit = lumpable ? all.filter((allele) => seen.has(allele)) : all;
  const unseen = all.filter((allele) => !explicit.includes(allele));
  const lumpedFrequency = unseen.reduce((sum, allele) => sum + (population.get(allele) ?? 0) * scale, 0) + rest;
  const lumpedCount = unseen.length + (rest > 0 ? 1 : 0);
  const explicitFrequencies = explicit.map((allele) => (population.get(allele) ?? 0) * scale);
  const populationFrequencies = [...all.map((allele) => (population.get(allele) ?? 0) * scale), ...(rest > 0 ? [rest] : [])];
  const matrices = mutationMatrices(
    options.mutation,
    { explicit, explicitFrequencies, lumpedCount, lumpedFrequency },
    populationFrequencies,
  );
  const labels = [...explicit, ...(lumpedCount > 0 ? [LUMPED] : [])];
  const frequencies = [...explicitFrequencies, ...(lumpedCount > 0 ? [lumpedFrequency] : [])].map((p) => p * (1 - silent));
  const size = labels.length;
  const withSilent = (matrix: MutationMatrix): MutationMatrix => {
    if (silent === 0) return matrix;
    const wider = new Float64Array((size + 1) * (size + 1));
    for (let i = 0; i < size; i += 1) for (let j = 0; j < size; j += 1) wider[i * (size + 1) + j] = matrix[i * size + j] ?? 0;
    wider[size * (size + 1) + size] = 1;
    return wider;
  };
  if (silent > 0) {
    labels.push(SILENT);
    frequencies.push(silent);
  }
  return {
    labels,
    frequencies: Float64Array.from(frequencies),
    index: new Map(explicit.map((allele, i) => [allele, i])),
    silent: silent > 0 ? size : -1,
    female: withSilent(matrices.female),
    male: withSilent(matrices.male),
    warnings,
  };
}
