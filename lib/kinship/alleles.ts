import type { Allele, Genotype } from "./types";

/** Repeat count with an optional partial repeat: 9, 9.3, 13.2. */
const ALLELE_PATTERN = /^(?:[1-9]\d?|0)(?:\.[1-9])?$/;

export function isAllele(value: string): boolean {
  return ALLELE_PATTERN.test(value);
}

/** Numeric order, so that 9.3 sorts between 9 and 10. */
export function compareAlleles(a: Allele, b: Allele): number {
  return Number(a) - Number(b) || a.localeCompare(b);
}

/**
 * A genotype from what the laboratory wrote: a homozygote may come as one allele or as the same
 * allele twice. Returns null when an allele is malformed.
 */
export function parseGenotype(first: string, second: string | undefined): Genotype | null {
  const one = first.trim();
  const two = (second ?? "").trim() || one;
  if (!isAllele(one) || !isAllele(two)) return null;
  return compareAlleles(one, two) <= 0 ? [one, two] : [two, one];
}

export const genotypeKey = (genotype: Genotype): string => `${genotype[0]}/${genotype[1]}`;

export const isHomozygous = (genotype: Genotype): boolean => genotype[0] === genotype[1];
