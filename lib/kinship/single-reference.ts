import type { FrequencyTable } from "./frequencies";
import type { Genotype, KinshipOptions, Relationship } from "./types";

/**
 * Probabilities that the two people share 0, 1 or 2 alleles identical by descent (κ0, κ1, κ2),
 * for relatives who are not inbred (Weir, Anderson & Hepler 2006, table 1).
 */
export const KAPPA: Readonly<Record<Relationship, readonly [number, number, number]>> = {
  mother: [0, 1, 0],
  father: [0, 1, 0],
  child: [0, 1, 0],
  full_sibling: [0.25, 0.5, 0.25],
  half_sibling: [0.5, 0.5, 0],
  grandparent: [0.5, 0.5, 0],
  aunt_uncle: [0.5, 0.5, 0],
  first_cousin: [0.75, 0.25, 0],
  spouse: [1, 0, 0],
};

/**
 * The formulas work on allele codes (small integers) and a frequency array, so that screening can
 * evaluate them millions of times without string lookups. −1 stands for "no allele".
 */
const NONE = -1;

/**
 * Balding & Nichols (1994) sampling formula: the chance that the next allele drawn from the
 * subpopulation is `allele`, given `drawn` alleles seen there, among them c, d and e.
 */
function draw(p: Float64Array, theta: number, allele: number, drawn: number, c: number, d: number, e: number): number {
  const matches = Number(c === allele) + Number(d === allele) + Number(e === allele);
  return (matches * theta + (1 - theta) * (p[allele] ?? 0)) / (1 + (drawn - 1) * theta);
}

/** P(genotype a/b | a person c/d of the same subpopulation), both alleles drawn anew. */
function conditionalGenotype(p: Float64Array, theta: number, a: number, b: number, c: number, d: number): number {
  const both = draw(p, theta, a, 2, c, d, NONE) * draw(p, theta, b, 3, c, d, a);
  return a === b ? both : 2 * both;
}

/** What a parent c/d passes on as `allele`, with the proportional mutation model. */
function transmitted(p: Float64Array, mutationRate: number, allele: number, c: number, d: number): number {
  return (1 - mutationRate) * ((Number(c === allele) + Number(d === allele)) / 2) + mutationRate * (p[allele] ?? 0);
}

/**
 * Shared-allele term: the first person a/b carries one allele from c/d (by descent, or by
 * transmission with mutation when `mutationRate` > 0) and the other drawn given c/d.
 * Written without inner closures: screening calls it millions of times.
 */
function oneAlleleFrom(p: Float64Array, options: KinshipOptions, a: number, b: number, c: number, d: number): number {
  const { theta, mutationRate } = options;
  const fromA = transmitted(p, mutationRate, a, c, d);
  if (a === b) return fromA * draw(p, theta, a, 2, c, d, NONE);
  const fromB = transmitted(p, mutationRate, b, c, d);
  return fromA * draw(p, theta, b, 2, c, d, NONE) + fromB * draw(p, theta, a, 2, c, d, NONE);
}

/**
 * LR of "missing person a/b and reference c/d are related as stated" against "unrelated", both in
 * a subpopulation with coancestry θ. Mutation enters only where one is the other's parent.
 */
export function singleReferenceCodes(
  p: Float64Array,
  relationship: Relationship,
  options: KinshipOptions,
  a: number,
  b: number,
  c: number,
  d: number,
): number {
  if (relationship === "mother" || relationship === "father") {
    return oneAlleleFrom(p, options, a, b, c, d) / conditionalGenotype(p, options.theta, a, b, c, d);
  }
  if (relationship === "child") {
    return oneAlleleFrom(p, options, c, d, a, b) / conditionalGenotype(p, options.theta, c, d, a, b);
  }
  const [k0, k1, k2] = KAPPA[relationship];
  const one = k1 === 0 ? 0 : oneAlleleFrom(p, { theta: options.theta, mutationRate: 0 }, a, b, c, d);
  const two = k2 !== 0 && ((a === c && b === d) || (a === d && b === c)) ? 1 : 0;
  return k0 + (k1 * one + k2 * two) / conditionalGenotype(p, options.theta, a, b, c, d);
}

/** The same for allele names, looking frequencies up in the table. */
export function singleReferenceRatio(
  table: FrequencyTable,
  locus: string,
  missing: Genotype,
  reference: Genotype,
  relationship: Relationship,
  options: KinshipOptions,
): number {
  const alleles = [...new Set([...missing, ...reference])];
  const p = Float64Array.from(alleles, (allele) => table.frequency(locus, allele));
  const code = (allele: string) => alleles.indexOf(allele);
  return singleReferenceCodes(p, relationship, options, code(missing[0]), code(missing[1]), code(reference[0]), code(reference[1]));
}
