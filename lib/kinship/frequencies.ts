import type { Allele } from "./types";

export type LocusFrequencies = Readonly<Record<Allele, number>>;
export type FrequencyData = Readonly<Record<string, LocusFrequencies>>;

export class FrequencyError extends Error {}

/**
 * Allele frequencies per locus. An allele missing from the published table gets the minimum
 * frequency, the usual conservative stand-in for a rare allele (NRC II, 1996, recommendation 4.3).
 */
export class FrequencyTable {
  readonly minFrequency: number;
  private readonly loci: Map<string, Map<Allele, number>>;

  constructor(data: FrequencyData, minFrequency: number) {
    if (!(minFrequency > 0 && minFrequency <= 1)) {
      throw new FrequencyError(`minFrequency must lie in (0, 1], got ${minFrequency}`);
    }
    this.minFrequency = minFrequency;
    this.loci = new Map();
    for (const [locus, alleles] of Object.entries(data)) {
      const entries = new Map<Allele, number>();
      for (const [allele, frequency] of Object.entries(alleles)) {
        if (typeof frequency !== "number" || !(frequency > 0 && frequency <= 1)) {
          throw new FrequencyError(`frequency of allele ${allele} at ${locus} must lie in (0, 1], got ${String(frequency)}`);
        }
        entries.set(allele, frequency);
      }
      this.loci.set(locus, entries);
    }
  }

  hasLocus(locus: string): boolean {
    return this.loci.has(locus);
  }

  locusNames(): string[] {
    return [...this.loci.keys()];
  }

  /** Every allele the table lists for the locus, with its frequency. */
  allelesAt(locus: string): ReadonlyMap<Allele, number> {
    return this.loci.get(locus) ?? new Map();
  }

  frequency(locus: string, allele: Allele): number {
    const alleles = this.loci.get(locus);
    if (!alleles) throw new FrequencyError(`locus ${locus} is not in the frequency table`);
    return Math.max(alleles.get(allele) ?? 0, this.minFrequency);
  }
}
