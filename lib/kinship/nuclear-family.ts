import type { FrequencyTable } from "./frequencies";
import {
  buildLocusModel,
  childProbability,
  genotypeFrequency,
  otherIndex,
  transmission,
  type LocusModel,
} from "./locus-model";
import type { Genotype } from "./types";

/** The typed members of the missing person's nuclear family at one locus. */
export interface NuclearFamilyAtLocus {
  mother: Genotype | null;
  father: Genotype | null;
  siblings: readonly Genotype[];
  /** Children of the missing person, all with the same other parent … */
  children: readonly Genotype[];
  /** … who is typed or not. */
  spouse: Genotype | null;
}

/**
 * The family's likelihood for every genotype the missing person might have, computed once so that
 * any number of bodies can be compared against it by lookup (θ = 0).
 *
 * With founders independent, P(references, missing = x) = H(x) · Σ over the ways x splits into a
 * maternal allele u and a paternal allele v of J(u, v), where
 *   J(u, v) = Σ_{M,F} P(M) P(F) [M, F agree with the typed parents] Π_sibs P(sib | M, F) t_M(u) t_F(v)
 *   H(x)    = Σ_S P(S) [S agrees with the typed spouse] Π_children P(child | x, S)
 * sums over the untyped founders' genotypes (Elston & Stewart 1971, peeling a nuclear family).
 */
export class NuclearFamilyLikelihood {
  private readonly model: LocusModel;
  private readonly joint: Float64Array;
  private readonly childTerm: Float64Array;
  private readonly familyProbability: number;

  constructor(table: FrequencyTable, locus: string, family: NuclearFamilyAtLocus, mutationRate: number) {
    const typed = [family.mother, family.father, family.spouse, ...family.siblings, ...family.children].filter(
      (genotype): genotype is Genotype => genotype !== null,
    );
    this.model = buildLocusModel(table, locus, typed.flat());
    const size = this.model.frequencies.length;
    const transmissions = this.model.genotypes.map(([i, j]) => transmission(this.model.frequencies, mutationRate, i, j));
    this.joint = this.parentalJoint(family, transmissions);
    this.childTerm = this.childrenTerm(family, transmissions);
    let total = 0;
    for (let u = 0; u < size; u += 1) {
      for (let v = 0; v < size; v += 1) total += (this.joint[u * size + v] ?? 0) * this.childAt(u, v);
    }
    this.familyProbability = total;
  }

  /** Likelihood ratio for the missing person having genotype `genotype` against an unrelated person. */
  likelihoodRatio(table: FrequencyTable, locus: string, genotype: Genotype): number {
    if (this.familyProbability === 0) return 0;
    const [a, b] = genotype.map((allele) => this.lookup(table, locus, allele)) as [Lookup, Lookup];
    // Two different unseen alleles both fall on the lumped allele and still make a heterozygote.
    return this.ratioAt(a.index, b.index, a.scale, b.scale, a.frequency, b.frequency, genotype[0] === genotype[1]);
  }

  /**
   * log10 of likelihoodRatio for many genotypes at once, their alleles numbered by the caller
   * (`pairs[2g]`, `pairs[2g + 1]` index `alleles` and `frequencies`): each allele is looked up in
   * this family's model once rather than once per genotype, which is most of the screen's cost of
   * building a family's tables. The arithmetic is likelihoodRatio's, in the same order.
   */
  fillLog10Ratios(logs: Float64Array, alleles: readonly string[], frequencies: Float64Array, pairs: Int32Array): void {
    const count = pairs.length / 2;
    if (this.familyProbability === 0) {
      logs.fill(-Infinity, 0, count);
      return;
    }
    const other = otherIndex(this.model);
    // Plain arrays: small typed arrays cost more to allocate than they save here.
    const modelIndex: number[] = [];
    const scale: number[] = [];
    alleles.forEach((allele, id) => {
      const seen = this.model.index.get(allele);
      modelIndex[id] = seen ?? other;
      scale[id] = seen !== undefined ? 1 : (frequencies[id] ?? 0) / (this.model.frequencies[other] ?? 1);
    });
    for (let genotype = 0; genotype < count; genotype += 1) {
      const a = pairs[genotype * 2] ?? 0;
      const b = pairs[genotype * 2 + 1] ?? 0;
      // Allele numbers are unique per name, so equal numbers are a homozygote.
      const ratio = this.ratioAt(modelIndex[a] ?? other, modelIndex[b] ?? other, scale[a] ?? 0, scale[b] ?? 0, frequencies[a] ?? 0, frequencies[b] ?? 0, a === b);
      logs[genotype] = Math.log10(ratio);
    }
  }

  private ratioAt(ia: number, ib: number, scaleA: number, scaleB: number, frequencyA: number, frequencyB: number, homozygous: boolean): number {
    const size = this.model.frequencies.length;
    const forward = this.joint[ia * size + ib] ?? 0;
    const orderings = homozygous ? forward : forward + (this.joint[ib * size + ia] ?? 0);
    const withMissing = orderings * scaleA * scaleB * this.childAt(ia, ib);
    const population = homozygous ? frequencyA * frequencyA : 2 * frequencyA * frequencyB;
    return withMissing / (this.familyProbability * population);
  }

  private lookup(table: FrequencyTable, locus: string, allele: string): Lookup {
    const frequency = table.frequency(locus, allele);
    const seen = this.model.index.get(allele);
    if (seen !== undefined) return { index: seen, scale: 1, frequency };
    const other = otherIndex(this.model);
    return { index: other, scale: frequency / (this.model.frequencies[other] ?? 1), frequency };
  }

  private childAt(u: number, v: number): number {
    const size = this.model.frequencies.length;
    return this.childTerm[Math.min(u, v) * size + Math.max(u, v)] ?? 0;
  }

  private parentalJoint(family: NuclearFamilyAtLocus, transmissions: readonly Float64Array[]): Float64Array {
    const { frequencies, genotypes } = this.model;
    const size = frequencies.length;
    const joint = new Float64Array(size * size);
    const mothers = this.candidates(family.mother);
    const fathers = this.candidates(family.father);
    const siblings = family.siblings.map((genotype) => this.indices(genotype));
    // Indexed loops, not for-of with destructuring: in optimised code those made an iterator and
    // its results per step (a tenth of the national layer's garbage, from the screen's tables).
    for (let mAt = 0; mAt < mothers.length; mAt += 1) {
      const m = mothers[mAt] as number;
      const mother = genotypes[m];
      const mi = mother ? mother[0] : 0;
      const mj = mother ? mother[1] : 0;
      const tm = transmissions[m] ?? new Float64Array(size);
      for (let fAt = 0; fAt < fathers.length; fAt += 1) {
        const f = fathers[fAt] as number;
        const father = genotypes[f];
        const fi = father ? father[0] : 0;
        const fj = father ? father[1] : 0;
        const tf = transmissions[f] ?? new Float64Array(size);
        let weight = genotypeFrequency(frequencies, mi, mj) * genotypeFrequency(frequencies, fi, fj);
        for (let sAt = 0; sAt < siblings.length; sAt += 1) {
          const sibling = siblings[sAt] as [number, number];
          weight *= childProbability(tm, tf, sibling[0], sibling[1]);
        }
        if (weight === 0) continue;
        for (let u = 0; u < size; u += 1) {
          const wu = weight * (tm[u] ?? 0);
          if (wu === 0) continue;
          for (let v = 0; v < size; v += 1) joint[u * size + v] = (joint[u * size + v] ?? 0) + wu * (tf[v] ?? 0);
        }
      }
    }
    return joint;
  }

  private childrenTerm(family: NuclearFamilyAtLocus, transmissions: readonly Float64Array[]): Float64Array {
    const { frequencies, genotypes } = this.model;
    const size = frequencies.length;
    const term = new Float64Array(size * size);
    const typedChildren = family.children.map((genotype) => this.indices(genotype));
    const spouses = this.candidates(family.spouse);
    genotypes.forEach(([xi, xj], x) => {
      if (typedChildren.length === 0) {
        term[xi * size + xj] = 1;
        return;
      }
      const tx = transmissions[x] ?? new Float64Array(size);
      let sum = 0;
      for (let sAt = 0; sAt < spouses.length; sAt += 1) {
        const s = spouses[sAt] as number;
        const spouse = genotypes[s];
        const si = spouse ? spouse[0] : 0;
        const sj = spouse ? spouse[1] : 0;
        const ts = transmissions[s] ?? new Float64Array(size);
        let product = genotypeFrequency(frequencies, si, sj);
        for (let cAt = 0; cAt < typedChildren.length; cAt += 1) {
          const child = typedChildren[cAt] as [number, number];
          product *= childProbability(tx, ts, child[0], child[1]);
        }
        sum += product;
      }
      term[xi * size + xj] = sum;
    });
    return term;
  }

  /** A typed founder has one genotype; an untyped one any. */
  private candidates(genotype: Genotype | null): number[] {
    if (genotype === null) return this.model.genotypes.map((_, position) => position);
    const [a, b] = this.indices(genotype);
    return [this.model.genotypes.findIndex(([i, j]) => i === Math.min(a, b) && j === Math.max(a, b))];
  }

  private indices(genotype: Genotype): [number, number] {
    return [this.model.index.get(genotype[0]) ?? 0, this.model.index.get(genotype[1]) ?? 0];
  }
}

interface Lookup {
  index: number;
  scale: number;
  frequency: number;
}
