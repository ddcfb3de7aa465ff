import type { DviPair } from "@/lib/kinship/dvi/types";

/** A body–missing-person pair of the joint solver's tests: one missing person "M" per family. */
export const dviPair = (body: string, family: string, lr: number): DviPair => ({
  body,
  family,
  missing: "M",
  key: `${family}:M`,
  lr,
  log10Lr: Math.log10(lr),
  inconsistentLoci: [],
  sexMismatch: false,
  excluded: false,
});

/**
 * A random component: 2 to `most` bodies and families, each pair present with a random density
 * (from `minDensity`, up to half more), LRs from 0.1 to 10⁵.
 */
export function randomDviComponent(next: () => number, most: number, minDensity: number, densitySpread: number): DviPair[] {
  const bodies = 2 + Math.floor(next() * (most - 1));
  const families = 2 + Math.floor(next() * (most - 1));
  const density = minDensity + next() * densitySpread;
  const pairs: DviPair[] = [];
  for (let b = 0; b < bodies; b += 1) for (let f = 0; f < families; f += 1) if (next() < density) pairs.push(dviPair(`B${b}`, `F${f}`, 10 ** (next() * 6 - 1)));
  return pairs;
}
