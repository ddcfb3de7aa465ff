import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeKinship, FrequencyTable, type Genotype, type Reference } from "@/lib/kinship";

/**
 * An independent, deliberately naive check of the nuclear-family summation: every founder
 * (mother, father, the children's other parent) enumerated over every genotype of a four-allele
 * locus, nothing lumped, nothing factorised. (The library uses the closed formula when a single
 * relative is typed; those agree with the summation by kinship-properties.test.ts.)
 */
const ALLELES = ["10", "11", "12", "13"];
const GENOTYPES: Genotype[] = ALLELES.flatMap((a, i) => ALLELES.slice(i).map((b): Genotype => [a, b]));

interface TypedFamily {
  mother?: Genotype;
  father?: Genotype;
  spouse?: Genotype;
  siblings: Genotype[];
  children: Genotype[];
}

function bruteForceRatio(p: Record<string, number>, missing: Genotype, family: TypedFamily, mutationRate: number): number {
  const population = ([a, b]: Genotype) => (a === b ? (p[a] ?? 0) ** 2 : 2 * (p[a] ?? 0) * (p[b] ?? 0));
  // Proportional model normalised as in Familias (issue #21): m_ij = k·μ·p_j, k = 1/Σ p_i(1 − p_i).
  const k = 1 / Object.values(p).reduce((sum, pi) => sum + pi * (1 - pi), 0);
  const passes = (parent: Genotype, allele: string) =>
    (1 - k * mutationRate) * (parent.filter((carried) => carried === allele).length / 2) + k * mutationRate * (p[allele] ?? 0);
  const child = ([a, b]: Genotype, first: Genotype, second: Genotype) =>
    a === b ? passes(first, a) * passes(second, a) : passes(first, a) * passes(second, b) + passes(first, b) * passes(second, a);
  const same = (x: Genotype, y: Genotype) => x[0] === y[0] && x[1] === y[1];
  const joint = (person: Genotype) => {
    let total = 0;
    for (const mother of GENOTYPES) {
      if (family.mother && !same(mother, family.mother)) continue;
      for (const father of GENOTYPES) {
        if (family.father && !same(father, family.father)) continue;
        for (const other of GENOTYPES) {
          if (family.spouse && !same(other, family.spouse)) continue;
          let term = population(mother) * population(father) * population(other) * child(person, mother, father);
          for (const sibling of family.siblings) term *= child(sibling, mother, father);
          for (const offspring of family.children) term *= child(offspring, person, other);
          total += term;
        }
      }
    }
    return total;
  };
  const references = GENOTYPES.reduce((sum, person) => sum + joint(person), 0);
  return joint(missing) / (references * population(missing));
}

const genotype = fc.constantFrom(...GENOTYPES);
const frequencies = fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }).map((weights) => {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Object.fromEntries(ALLELES.map((allele, i) => [allele, (weights[i] ?? 0) / total]));
});

describe("the nuclear-family summation against brute-force enumeration (θ = 0)", () => {
  it("agrees for any mix of parents, siblings, children and spouse of the missing person, with or without mutation", () => {
    fc.assert(
      fc.property(
        frequencies,
        genotype,
        fc.option(genotype, { nil: undefined }),
        fc.option(genotype, { nil: undefined }),
        fc.array(genotype, { maxLength: 2 }),
        fc.array(genotype, { maxLength: 2 }),
        fc.option(genotype, { nil: undefined }),
        fc.constantFrom(0, 0.005, 0.1),
        (p, missing, mother, father, siblings, children, spouse, mutationRate) => {
          const references: Reference[] = [
            ...(mother ? [{ id: "m", relationship: "mother" as const, genotype: { L: mother } }] : []),
            ...(father ? [{ id: "f", relationship: "father" as const, genotype: { L: father } }] : []),
            ...siblings.map((typed, i) => ({ id: `s${i}`, relationship: "full_sibling" as const, genotype: { L: typed } })),
            ...children.map((typed, i) => ({ id: `c${i}`, relationship: "child" as const, genotype: { L: typed } })),
            ...(spouse ? [{ id: "w", relationship: "spouse" as const, genotype: { L: spouse } }] : []),
          ];
          // One relative alone goes through the closed formulas, which leave mutation out for siblings.
          const relatives = references.filter((reference) => reference.relationship !== "spouse").length;
          fc.pre(relatives >= 2 || (children.length > 0 && spouse !== undefined));
          // A spouse is used only beside a typed child; without one the brute force must not see the spouse either.
          const expected = bruteForceRatio(p, missing, { mother, father, siblings, children, spouse: children.length > 0 ? spouse : undefined }, mutationRate);
          fc.pre(Number.isFinite(expected));
          const table = new FrequencyTable({ L: p }, 1e-9);
          const actual = computeKinship(table, { L: missing }, references, { theta: 0, mutationRate }).lr;
          expect(actual).toBeCloseTo(expected, 6);
        },
      ),
      { numRuns: 150 },
    );
  });
});
