import type { MutationModel } from "./types";
import { PedigreeError } from "./structure";

/**
 * The alleles of one locus as the mutation model sees them: every allele of the population (after
 * minimum frequencies and renormalisation), and which of them stay explicit. Silent alleles are
 * left out here: they neither mutate nor arise by mutation.
 */
export interface MutationInput {
  /** Explicit alleles, in matrix order, with their frequencies among non-silent alleles. */
  explicit: readonly string[];
  explicitFrequencies: readonly number[];
  /** The lumped rest: how many population alleles it stands for and their summed frequency. */
  lumpedCount: number;
  lumpedFrequency: number;
}

/** Row-major K×K matrix, K = explicit alleles plus the lumped rest when it exists. */
export type MutationMatrix = Float64Array;

function identity(size: number): MutationMatrix {
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) matrix[i * size + i] = 1;
  return matrix;
}

/**
 * equal: m_ij = r/(n−1) for i ≠ j over the n population alleles. Lumping the unseen alleles is
 * exact: each of them reaches a seen allele j with r/(n−1) and stays among themselves otherwise.
 */
function equal(input: MutationInput, rate: number): MutationMatrix {
  const seen = input.explicit.length;
  const lumped = input.lumpedCount > 0;
  const size = seen + (lumped ? 1 : 0);
  const n = seen + input.lumpedCount;
  if (n <= 1) return identity(size);
  const step = rate / (n - 1);
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j < seen; j += 1) matrix[i * size + j] = i === j ? 1 - rate : step;
    if (lumped) matrix[i * size + seen] = i === seen ? 1 - seen * step : input.lumpedCount * step;
  }
  return matrix;
}

/**
 * proportional: m_ij = k·r·p_j for i ≠ j with k = 1/Σ p_i(1−p_i) over the population alleles, so
 * that the overall mutation probability Σ p_i(1 − m_ii) is r. Lumping is exact (rows depend on j only).
 */
function proportional(input: MutationInput, rate: number, k: number): MutationMatrix {
  const frequencies = [...input.explicitFrequencies, ...(input.lumpedCount > 0 ? [input.lumpedFrequency] : [])];
  const size = frequencies.length;
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    for (let j = 0; j < size; j += 1) {
      const pj = frequencies[j] ?? 0;
      matrix[i * size + j] = i === j ? 1 - k * rate * (1 - pj) : k * rate * pj;
    }
  }
  return matrix;
}

/**
 * stepwise (pedmut): integer alleles and each microvariant family (.1, .2, .3) form groups; within a
 * group the weight of a step of s repeats is range^s, scaled to the rate; an allele leaves its group
 * with the microvariant rate, spread evenly over the alleles outside the group. Not lumpable: every
 * allele of the table is explicit.
 */
function stepwise(input: MutationInput, rate: number, range: number, microvariantRate: number): MutationMatrix {
  const size = input.explicit.length;
  if (size <= 1) return identity(size);
  const lengths = input.explicit.map(Number);
  if (lengths.some((length) => !Number.isFinite(length))) throw new PedigreeError("the stepwise model needs numeric alleles");
  const group = lengths.map((length) => Math.round((length - Math.round(length)) * 10));
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i += 1) {
    const same = group.map((g) => g === group[i]);
    const inGroup = same.filter(Boolean).length;
    const outside = size - inGroup;
    let weights = 0;
    for (let j = 0; j < size; j += 1) if (j !== i && same[j]) weights += range ** Math.abs((lengths[i] ?? 0) - (lengths[j] ?? 0));
    for (let j = 0; j < size; j += 1) {
      if (i === j) {
        matrix[i * size + j] = 1 - (inGroup > 1 ? rate : 0) - (outside > 0 ? microvariantRate : 0);
      } else if (same[j]) {
        matrix[i * size + j] = (rate * range ** Math.abs((lengths[i] ?? 0) - (lengths[j] ?? 0))) / weights;
      } else {
        matrix[i * size + j] = microvariantRate / outside;
      }
    }
  }
  return matrix;
}

export function isLumpable(model: MutationModel): boolean {
  return model.model !== "stepwise";
}

/** The female and male matrices over the explicit alleles (and the lumped rest). */
export function mutationMatrices(
  model: MutationModel,
  input: MutationInput,
  populationFrequencies: readonly number[],
): { female: MutationMatrix; male: MutationMatrix } {
  const size = input.explicit.length + (input.lumpedCount > 0 ? 1 : 0);
  if (model.model === "none") return { female: identity(size), male: identity(size) };
  if (model.model === "equal") return { female: equal(input, model.femaleRate), male: equal(input, model.maleRate) };
  if (model.model === "stepwise") {
    return {
      female: stepwise(input, model.femaleRate, model.range, model.microvariantRate),
      male: stepwise(input, model.maleRate, model.range, model.microvariantRate),
    };
  }
  const heterozygosity = populationFrequencies.reduce((sum, p) => sum + p * (1 - p), 0);
  if (heterozygosity <= 0) return { female: identity(size), male: identity(size) };
  const k = 1 / heterozygosity;
  const smallest = Math.min(...populationFrequencies);
  for (const rate of [model.femaleRate, model.maleRate]) {
    if (k * rate * (1 - smallest) > 1) {
      throw new PedigreeError(`the proportional mutation rate ${rate} is too large for this locus (at most ${(heterozygosity / (1 - smallest)).toPrecision(4)})`);
    }
  }
  return { female: proportional(input, model.femaleRate, k), male: proportional(input, model.maleRate, k) };
}
