import { describe, expect, it, vi } from "vitest";
import { mulberry32 } from "@/lib/demo/random";
import { pedigreeLikelihood, pedigreeLikelihoodByGenes } from "@/lib/kinship/pedigree/likelihood";
import { buildLocusAlleles } from "@/lib/kinship/pedigree/locus-alleles";
import { phenotypeProbability, type Observation } from "@/lib/kinship/pedigree/phenotype";
import { prepareLikelihoodRatio } from "@/lib/kinship/pedigree/ratio";
import { indexPedigree } from "@/lib/kinship/pedigree/structure";
import type { Genotype, MutationModel, PedigreeOptions, PedigreePerson } from "@/lib/kinship/pedigree/types";

// Counts the genotypes the shared vectors answered, so that a test cannot pass by falling back to
// the one-genotype computation everywhere.
const answered = vi.hoisted(() => ({ outcome: 0, inconsistent: 0 }));
vi.mock("@/lib/kinship/pedigree/family-locus", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/kinship/pedigree/family-locus")>();
  return {
    ...original,
    prepareFamilyLocus: (...args: Parameters<typeof original.prepareFamilyLocus>) => {
      const family = original.prepareFamilyLocus(...args);
      if (!family) return family;
      return {
        outcome: (...call: Parameters<typeof family.outcome>) => {
          const result = family.outcome(...call);
          if (result) answered.outcome += 1;
          return result;
        },
        inconsistent: (...call: Parameters<typeof family.inconsistent>) => {
          const result = family.inconsistent(...call);
          if (result !== null) answered.inconsistent += 1;
          return result;
        },
      };
    },
  };
});

/**
 * The DVI layer's shortcut (lib/kinship/pedigree/family-locus.ts): a family's locus computed once
 * with the missing person's genes left open, each body's likelihoods then read from the vector,
 * must give the very LRs, inconsistent loci and warnings of the computation one genotype at a time,
 * with θ > 0, every mutation model, drop-out, a silent allele, a table that sums below 1 and one
 * above 1, and alleles the table lacks (in a reference, or only in the body).
 */
const TABLE = {
  // Sums to 0.8: the rest is an unnamed allele (lumped).
  L1: { "10": 0.2, "11": 0.3, "12": 0.15, "13": 0.1, "14": 0.05 },
  // Sums to 1.1: renormalised.
  L2: { "8": 0.5, "9": 0.4, "10": 0.2 },
  L3: { "15": 0.25, "16": 0.25, "17": 0.2, "17.3": 0.1, "18": 0.2 },
};
const ALLELES: Record<keyof typeof TABLE, string[]> = {
  // "19" no table holds (references may carry it); "99" only bodies carry.
  L1: ["10", "11", "12", "13", "14", "19"],
  L2: ["8", "9", "10", "19"],
  L3: ["15", "16", "17", "17.3", "18", "19"],
};
const LOCI = Object.keys(TABLE) as (keyof typeof TABLE)[];

const male = (id: string, father?: string, mother?: string): PedigreePerson => ({ id, sex: "male", father, mother });
const female = (id: string, father?: string, mother?: string): PedigreePerson => ({ id, sex: "female", father, mother });

const PEDIGREES: { name: string; persons: PedigreePerson[]; typed: string[] }[] = [
  { name: "paternal half sibling", persons: [male("F"), female("M1"), female("M2"), male("MP", "F", "M1"), male("H", "F", "M2")], typed: ["H"] },
  { name: "paternal grandparents", persons: [male("GF"), female("GM"), male("F", "GF", "GM"), female("Mo"), male("MP", "F", "Mo")], typed: ["GF", "GM"] },
  { name: "mother + full sibling", persons: [male("F"), female("Mo"), male("MP", "F", "Mo"), female("S", "F", "Mo")], typed: ["Mo", "S"] },
  // The missing person is a founder here: his genes enter the θ draw.
  { name: "two children + their mother", persons: [male("MP"), female("W"), male("C1", "MP", "W"), female("C2", "MP", "W")], typed: ["W", "C1", "C2"] },
];

const MUTATIONS: MutationModel[] = [
  { model: "none" },
  { model: "proportional", femaleRate: 0.002, maleRate: 0.002 },
  { model: "equal", femaleRate: 0.01, maleRate: 0.005 },
  { model: "stepwise", femaleRate: 0.01, maleRate: 0.02, range: 0.5, microvariantRate: 0.001 },
];

function drawGenotype(next: () => number, alleles: readonly string[]): Genotype {
  const pick = () => alleles[Math.floor(next() * alleles.length)] ?? alleles[0] ?? "";
  return [pick(), pick()];
}

function relativeDifference(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

describe("a family's locus computed once for all its bodies", () => {
  it("gives P(others, open person's genes = x, y) whose reading is each genotype's likelihood (θ, mutation, drop-out, silent allele)", () => {
    const next = mulberry32(7);
    let compared = 0;
    for (const { persons, typed } of PEDIGREES) {
      const pedigree = indexPedigree(persons);
      const open = pedigree.ids.indexOf("MP");
      for (const mutation of MUTATIONS.slice(0, 3)) {
        for (const theta of [0, 0.02, 0.1]) {
          for (const silentFrequency of [0, 0.05]) {
            const locus = buildLocusAlleles("L1", new Map(Object.entries(TABLE.L1)), ["10", "11", "12", "13"], { minFrequency: 0.01, silentFrequency, mutation });
            const size = locus.labels.length;
            const observations = pedigree.ids.map((id): Observation | null => {
              if (!typed.includes(id)) return null;
              const [a, b] = drawGenotype(next, ["10", "11", "12", "13"]);
              return { visible: [...new Set([a, b])].map((allele) => locus.index.get(allele) ?? -1), dropout: id === typed[0] ? 0.05 : 0 };
            });
            const vector = pedigreeLikelihoodByGenes(pedigree, observations, locus, theta, open);
            // Every genotype a body can show: explicit alleles and the lumped rest (never the silent allele, which is not seen).
            const shown = locus.silent >= 0 ? size - 1 : size;
            for (let a = 0; a < shown; a += 1) {
              for (let b = a; b < shown; b += 1) {
                for (const dropout of [0, 0.1]) {
                  const observation: Observation = { visible: a === b ? [a] : [a, b], dropout };
                  const direct = pedigreeLikelihood(pedigree, observations.map((o, i) => (i === open ? observation : o)), locus, theta);
                  let read = 0;
                  for (let x = 0; x < size; x += 1) for (let y = 0; y < size; y += 1) read += phenotypeProbability(observation, x, y, locus.silent) * (vector[x * size + y] ?? 0);
                  expect(relativeDifference(read, direct)).toBeLessThanOrEqual(1e-12);
                  compared += 1;
                }
              }
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("gives every body the LRs, inconsistent loci and warnings of the one-genotype computation", () => {
    const next = mulberry32(11);
    answered.outcome = 0;
    answered.inconsistent = 0;
    let largest = 0;
    let inconsistentSeen = 0;
    let fallbacks = 0;
    for (const { name, persons, typed } of PEDIGREES) {
      for (const mutation of MUTATIONS) {
        for (const theta of [0, 0.02, 0.1]) {
          // References drawn at random (some contradict one another), bodies likewise, a few with "99", which no table or reference holds.
          const profiles = Object.fromEntries(typed.map((id) => [id, Object.fromEntries(LOCI.map((locus) => [locus, drawGenotype(next, ALLELES[locus])]))]));
          const bodies = Array.from({ length: 12 }, (_, index) =>
            Object.fromEntries(LOCI.map((locus) => [locus, drawGenotype(next, index % 5 === 4 ? [...ALLELES[locus], "99"] : ALLELES[locus])])),
          );
          const options: PedigreeOptions = { theta, mutation, minFrequency: 0.01, silentFrequencies: theta === 0.1 ? { L1: 0.03 } : undefined };
          const base = { persons, missing: "MP", profiles, dropout: { [typed[0] ?? ""]: 0.02 } };
          const one = prepareLikelihoodRatio(base, TABLE, options);
          const shared = prepareLikelihoodRatio(base, TABLE, options, { profiles: bodies, minimumGenotypes: 1, likelihoods: true });
          bodies.forEach((body, index) => {
            const dropout = index % 3 === 0 ? 0.1 : undefined;
            const expected = one(body, dropout);
            const actual = shared(body, dropout);
            const where = `${name}, ${mutation.model}, θ = ${theta}, body ${index}`;
            expect(Object.keys(actual.loci), where).toEqual(Object.keys(expected.loci));
            for (const [locus, ratio] of Object.entries(expected.loci)) {
              const difference = relativeDifference(actual.loci[locus] ?? Number.NaN, ratio);
              largest = Math.max(largest, difference);
              expect(difference, `${where}, ${locus}: ${actual.loci[locus]} vs ${ratio}`).toBeLessThanOrEqual(1e-12);
            }
            expect(relativeDifference(actual.lr, expected.lr), where).toBeLessThanOrEqual(1e-12);
            expect(actual.inconsistentLoci, where).toEqual(expected.inconsistentLoci);
            expect(actual.referenceInconsistentLoci, where).toEqual(expected.referenceInconsistentLoci);
            expect(actual.warnings, where).toEqual(expected.warnings);
            inconsistentSeen += expected.inconsistentLoci.length;
            if (LOCI.some((locus) => body[locus]?.includes("99"))) fallbacks += 1;
          });
        }
      }
    }
    // The comparison is not vacuous: the shared vectors answered most genotypes, inconsistencies
    // occurred, and bodies with an allele no table holds went through the fallback.
    expect(answered.outcome).toBeGreaterThan(1000);
    expect(inconsistentSeen).toBeGreaterThan(50);
    expect(fallbacks).toBeGreaterThan(50);
    expect(largest).toBeLessThanOrEqual(1e-12);
  });

  it("answers the inconsistency test alone, the likelihoods computed one genotype at a time, bit for bit", () => {
    const next = mulberry32(13);
    answered.inconsistent = 0;
    let inconsistentSeen = 0;
    for (const { persons, typed } of PEDIGREES) {
      for (const silentFrequencies of [undefined, { L1: 0.03 }]) {
        // References may carry "19", which no table holds; some bodies carry "99", which nobody else does;
        // the last bodies are asked without having been announced.
        const profiles = Object.fromEntries(typed.map((id) => [id, Object.fromEntries(LOCI.map((locus) => [locus, drawGenotype(next, ALLELES[locus])]))]));
        const bodies = Array.from({ length: 24 }, (_, index) =>
          Object.fromEntries(LOCI.map((locus) => [locus, drawGenotype(next, index % 7 === 6 ? [...ALLELES[locus], "99"] : ALLELES[locus])])),
        );
        const options: PedigreeOptions = { theta: 0.02, mutation: MUTATIONS[1] as MutationModel, minFrequency: 0.01, silentFrequencies };
        const base = { persons, missing: "MP", profiles, dropout: { [typed[0] ?? ""]: 0.05 } };
        const one = prepareLikelihoodRatio(base, TABLE, options);
        const shared = prepareLikelihoodRatio(base, TABLE, options, { profiles: bodies.slice(0, 20), minimumGenotypes: 1, likelihoods: false });
        bodies.forEach((body, index) => {
          const dropout = index % 4 === 0 ? 0.1 : undefined;
          const expected = one(body, dropout);
          expect(shared(body, dropout)).toEqual(expected);
          inconsistentSeen += expected.inconsistentLoci.length;
        });
      }
    }
    expect(answered.inconsistent).toBeGreaterThan(100);
    expect(inconsistentSeen).toBeGreaterThan(20);
  });
});
