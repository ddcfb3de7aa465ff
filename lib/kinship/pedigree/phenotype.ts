/**
 * What a typed person shows, as allele positions: one allele (reported a/a) or two. Each copy of a
 * non-silent allele is seen with probability 1 − d independently (d: the sample's drop-out
 * probability); a silent allele is never seen. No drop-in.
 */
export interface Observation {
  visible: readonly number[];
  dropout: number;
}

/** P(observation | genes x and y). */
export function phenotypeProbability(observation: Observation, x: number, y: number, silent: number): number {
  const { visible, dropout: d } = observation;
  const [a, b] = visible;
  if (b !== undefined && b !== a) {
    return (x === a && y === b) || (x === b && y === a) ? (1 - d) * (1 - d) : 0;
  }
  if (x === a && y === a) return 1 - d * d;
  const other = x === a ? y : y === a ? x : -2;
  if (other === -2) return 0;
  return other === silent ? 1 - d : (1 - d) * d;
}

/** Every allele position 0…n−1, one list per n, shared (callers only read it). */
const everyAllele: number[][] = [];

/** The alleles a gene of this person can carry with a non-zero probability of the observation (a shared list: read only). */
export function possibleAlleles(observation: Observation | null, alleleCount: number, silent: number): readonly number[] {
  let all = everyAllele[alleleCount];
  if (!all) {
    all = Array.from({ length: alleleCount }, (_, i) => i);
    everyAllele[alleleCount] = all;
  }
  if (!observation) return all;
  const [a, b] = observation.visible;
  if (b !== undefined && b !== a) return [a ?? 0, b];
  if (observation.dropout > 0) return all;
  return silent >= 0 ? [a ?? 0, silent] : [a ?? 0];
}
