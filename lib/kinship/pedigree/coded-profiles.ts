import type { Genotype } from "./types";

/**
 * A missing-person profile with its loci and genotypes numbered (GenotypeCodes.code), so that a
 * prepared family finds a locus's outcome by two array reads instead of by string keys: the DVI
 * layer asks 28 M (pair, locus) outcomes at national scale, and the map lookups by locus name and
 * by the two alleles were a tenth of its time.
 */
export interface CodedProfile {
  readonly profile: Readonly<Record<string, Genotype>>;
  /** The numbering it was coded by: a family reads codes only of the numbering it first met. */
  readonly codes: GenotypeCodes;
  /** The profile's loci in its own key order (Object.keys), each the locus's name and number. */
  readonly names: readonly string[];
  readonly loci: Int32Array;
  /** Per locus (same positions), the genotype's number at that locus. */
  readonly genotypes: Int32Array;
}

/**
 * Outcomes by number: entry offsets[locus] + genotype. state: 0 not computed, 1 a ratio, 2 a ratio
 * at an inconsistent locus, 3 no ratio (the references contradict one another there). referenced:
 * per locus, whether the family's references are typed there (-1: not asked yet).
 */
export interface OutcomeSpace {
  offsets: Int32Array;
  state: Uint8Array;
  ratio: Float64Array;
  referenced: Int8Array;
}

/**
 * Loci and genotypes numbered as met, for one run. Two genotypes get one number exactly when they
 * list the same alleles in the same order (the outcomes' own key, outcomes-by-genotype.ts).
 */
export class GenotypeCodes {
  private readonly locusNumbers = new Map<string, number>();
  private readonly genotypeNumbers: Map<string, number>[] = [];
  private owner: object | null = null;
  private space: OutcomeSpace | null = null;

  /**
   * One table of outcomes by (locus, genotype) number for whichever family asks (ratio.ts's lean
   * answers): a family computes its bodies together, so the run needs one at a time, made once
   * rather than as objects and maps per family. A family asking after another gets it emptied;
   * a family asking again after another had it finds it empty and computes again (the same numbers).
   */
  outcomeSpace(owner: object): OutcomeSpace {
    let space = this.space;
    const loci = this.genotypeNumbers.length;
    let fits = space !== null && space.offsets.length === loci + 1;
    for (let locus = 0; fits && space && locus < loci; locus += 1) {
      if ((space.offsets[locus + 1] as number) - (space.offsets[locus] as number) < this.genotypeCount(locus)) fits = false;
    }
    if (!space || !fits) {
      const offsets = new Int32Array(loci + 1);
      for (let locus = 0; locus < loci; locus += 1) offsets[locus + 1] = (offsets[locus] as number) + this.genotypeCount(locus);
      const size = offsets[loci] as number;
      space = { offsets, state: new Uint8Array(size), ratio: new Float64Array(size), referenced: new Int8Array(loci) };
      this.space = space;
      this.owner = null;
    }
    if (this.owner !== owner) {
      space.state.fill(0);
      space.referenced.fill(-1);
      this.owner = owner;
    }
    return space;
  }

  /** How many genotypes locus `locus` has numbered so far. */
  genotypeCount(locus: number): number {
    return this.genotypeNumbers[locus]?.size ?? 0;
  }

  code(profile: Readonly<Record<string, Genotype>>): CodedProfile {
    const names = Object.keys(profile);
    const loci = new Int32Array(names.length);
    const genotypes = new Int32Array(names.length);
    names.forEach((name, at) => {
      let locus = this.locusNumbers.get(name);
      if (locus === undefined) {
        locus = this.locusNumbers.size;
        this.locusNumbers.set(name, locus);
        this.genotypeNumbers.push(new Map());
      }
      const numbers = this.genotypeNumbers[locus] as Map<string, number>;
      const genotype = profile[name] as Genotype;
      const key = `${genotype.length}\u0001${genotype.join("\u0000")}`;
      let number = numbers.get(key);
      if (number === undefined) {
        number = numbers.size;
        numbers.set(key, number);
      }
      loci[at] = locus;
      genotypes[at] = number;
    });
    return { profile, codes: this, names, loci, genotypes };
  }
}
