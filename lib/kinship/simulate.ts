import type { FrequencyTable } from "./frequencies";
import { compareAlleles } from "./alleles";
import type { Allele, Genotype, Profile } from "./types";

/**
 * Drawing profiles through a pedigree, for the demonstration data and the benchmark: founders
 * from the frequency table, everyone else one allele from each parent (no mutation).
 */
export class ProfileSimulator {
  private readonly cumulative: Map<string, { alleles: Allele[]; thresholds: number[] }>;

  constructor(
    private readonly table: FrequencyTable,
    private readonly next: () => number,
  ) {
    this.cumulative = new Map(
      table.locusNames().map((locus) => {
        const entries = [...table.allelesAt(locus)];
        const total = entries.reduce((sum, [, frequency]) => sum + frequency, 0);
        let running = 0;
        const thresholds = entries.map(([, frequency]) => (running += frequency / total));
        return [locus, { alleles: entries.map(([allele]) => allele), thresholds }];
      }),
    );
  }

  private allele(locus: string): Allele {
    const distribution = this.cumulative.get(locus);
    if (!distribution) throw new Error(`no frequencies for ${locus}`);
    const draw = this.next();
    const position = distribution.thresholds.findIndex((threshold) => draw < threshold);
    return distribution.alleles[position === -1 ? distribution.alleles.length - 1 : position] ?? "";
  }

  private pair(first: Allele, second: Allele): Genotype {
    return compareAlleles(first, second) <= 0 ? [first, second] : [second, first];
  }

  /** Someone unrelated to anyone simulated before. */
  founder(): Profile {
    return Object.fromEntries(this.table.locusNames().map((locus) => [locus, this.pair(this.allele(locus), this.allele(locus))]));
  }

  /** A child of the two parents: one allele from each, chosen at random. */
  child(mother: Profile, father: Profile): Profile {
    const from = (parent: Profile, locus: string) => parent[locus]?.[this.next() < 0.5 ? 0 : 1] ?? this.allele(locus);
    return Object.fromEntries(this.table.locusNames().map((locus) => [locus, this.pair(from(mother, locus), from(father, locus))]));
  }
}
