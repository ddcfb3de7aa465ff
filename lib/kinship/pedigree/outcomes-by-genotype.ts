import type { Genotype } from "./types";

/**
 * One locus's outcomes by the missing person's genotype, looked up by its two alleles in nested maps
 * rather than by a key string made per lookup: the DVI layer looks up 28 M (pair, locus) outcomes at
 * national scale, and a joined key per lookup was the garbage collector's largest source of work.
 * Two genotypes share an entry exactly when they show the same alleles in the same order (as the
 * joined key did). Genotypes of other than two alleles (never met in practice) are kept apart by
 * their joined alleles.
 */
export class OutcomesByGenotype<Outcome> {
  private readonly byFirst = new Map<string, Map<string, Outcome>>();
  private readonly otherLengths = new Map<string, Outcome>();

  get(genotype: Genotype): Outcome | undefined {
    if (genotype.length !== 2) return this.otherLengths.get(genotype.join("\u0000"));
    return this.byFirst.get(genotype[0])?.get(genotype[1]);
  }

  set(genotype: Genotype, outcome: Outcome): void {
    if (genotype.length !== 2) {
      this.otherLengths.set(genotype.join("\u0000"), outcome);
      return;
    }
    let bySecond = this.byFirst.get(genotype[0]);
    if (!bySecond) {
      bySecond = new Map();
      this.byFirst.set(genotype[0], bySecond);
    }
    bySecond.set(genotype[1], outcome);
  }
}
