import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeKinship, FrequencyTable, RELATIONSHIPS, type Genotype } from "@/lib/kinship";
import { NuclearFamilyLikelihood, type NuclearFamilyAtLocus } from "@/lib/kinship/nuclear-family";
import { singleReferenceRatio } from "@/lib/kinship/single-reference";

const ALLELES = ["8", "9", "9.3", "10", "11"];

/** Five alleles with random frequencies summing to one. */
const frequencyTable = fc
  .array(fc.double({ min: 0.02, max: 1, noNaN: true }), { minLength: ALLELES.length, maxLength: ALLELES.length })
  .map((weights) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return new FrequencyTable({ L: Object.fromEntries(ALLELES.map((allele, i) => [allele, (weights[i] ?? 0) / total])) }, 1e-6);
  });

const genotype = fc
  .tuple(fc.constantFrom(...ALLELES), fc.constantFrom(...ALLELES))
  .map(([a, b]): Genotype => (Number(a) <= Number(b) ? [a, b] : [b, a]));

const mutationRate = fc.constantFrom(0, 0.001, 0.01, 0.2);

function allGenotypes(): Genotype[] {
  return ALLELES.flatMap((a, i) => ALLELES.slice(i).map((b): Genotype => [a, b]));
}

function populationFrequency(table: FrequencyTable, [a, b]: Genotype): number {
  const pa = table.frequency("L", a);
  return a === b ? pa * pa : 2 * pa * table.frequency("L", b);
}

describe("kinship likelihood ratios, for any frequencies and genotypes", () => {
  // Three references: four distant ones at θ > 0 take the exact engine seconds each (docs/KINSHIP.md).
  it("are finite and never negative", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(frequencyTable, genotype, fc.array(genotype, { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom(...RELATIONSHIPS), { minLength: 3, maxLength: 3 }), fc.constantFrom(0, 0.02, 0.1), mutationRate,
        (table, missing, genotypes, relationships, theta, mutation) => {
          const references = genotypes.map((typed, i) => ({ id: `R${i}`, relationship: relationships[i] ?? "mother", genotype: { L: typed } }));
          const result = computeKinship(table, { L: missing }, references, { theta, mutationRate: mutation });
          // References the relationship form cannot place (two mothers, two fathers, only spouses, a
          // third grandparent with no side given: a side holds two) give no number, and a warning saying why.
          if (result.usedReferences.length === 0) {
            expect(result.lr).toBeNaN();
            expect(result.warnings[0]).toMatch(/are both the missing person's (mother|father)|are all spouses|side has no free grandparent place|mutation rate 0.2 is too large/);
            return;
          }
          expect(Number.isFinite(result.lr)).toBe(true);
          expect(result.lr).toBeGreaterThanOrEqual(0);
        }),
      { numRuns: 40 },
    );
  });

  it("agree between the exact nuclear-family summation and the closed formulas for one typed relative (θ = 0)", () => {
    fc.assert(
      fc.property(frequencyTable, genotype, genotype, mutationRate, fc.constantFrom("mother", "father", "child", "full_sibling") , (table, missing, typed, mutation, role) => {
        const effectiveMutation = role === "full_sibling" ? 0 : mutation;
        const family: NuclearFamilyAtLocus = {
          mother: role === "mother" ? typed : null,
          father: role === "father" ? typed : null,
          siblings: role === "full_sibling" ? [typed] : [],
          children: role === "child" ? [typed] : [],
          spouse: null,
        };
        const exact = new NuclearFamilyLikelihood(table, "L", family, effectiveMutation).likelihoodRatio(table, "L", missing);
        const closed = singleReferenceRatio(table, "L", missing, typed, role, { theta: 0, mutationRate: effectiveMutation });
        expect(exact).toBeCloseTo(closed, 9);
      }),
    );
  });

  it("weigh every possible genotype of the missing person so that Σ LR(x)·P(x) = 1", () => {
    fc.assert(
      fc.property(frequencyTable, fc.option(genotype, { nil: null }), fc.option(genotype, { nil: null }), fc.array(genotype, { maxLength: 2 }), fc.array(genotype, { maxLength: 2 }), fc.option(genotype, { nil: null }), mutationRate,
        (table, mother, father, siblings, children, spouse, mutation) => {
          const family = new NuclearFamilyLikelihood(table, "L", { mother, father, siblings, children, spouse }, mutation);
          const consistent = allGenotypes().some((missing) => family.likelihoodRatio(table, "L", missing) > 0);
          fc.pre(consistent);
          const total = allGenotypes().reduce((sum, missing) => sum + family.likelihoodRatio(table, "L", missing) * populationFrequency(table, missing), 0);
          // When the family shows every allele, the stand-in for unseen ones keeps the minimum frequency (1e-6).
          expect(total).toBeCloseTo(1, 5);
        }),
    );
  });

  it("count an allele the family never showed exactly, however rare it is", () => {
    const table = new FrequencyTable({ L: { "8": 0.5, "9": 0.3, "10": 0.15, "11": 0.05 } }, 1e-6);
    const family = new NuclearFamilyLikelihood(table, "L", { mother: null, father: null, siblings: [["8", "9"], ["8", "8"]], children: [], spouse: null }, 0);
    const sum = allGenotypesOf(["8", "9", "10", "11"]).reduce((total, missing) => total + family.likelihoodRatio(table, "L", missing) * populationFrequency(table, missing), 0);
    expect(sum).toBeCloseTo(1, 12);
  });
});

function allGenotypesOf(alleles: string[]): Genotype[] {
  return alleles.flatMap((a, i) => alleles.slice(i).map((b): Genotype => [a, b]));
}
