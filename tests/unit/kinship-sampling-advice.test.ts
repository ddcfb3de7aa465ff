import { describe, expect, it } from "vitest";
import { atLeast, exactExclusionPower, familySamplingAdvice, founderGeneCount, SIMULATION_THETA_FOUNDER_GENES, samplingWorkList, simulatePower, simulationOptions, type MissingPersonAdvice } from "@/lib/kinship/dvi/sampling-advice";
import type { DviFamily } from "@/lib/kinship/dvi/types";
import { pedigreeLikelihoodRatio, type PedigreeOptions, type PedigreePerson } from "@/lib/kinship/pedigree";

/** Sampling advice (issue #22, point 6): exact exclusion power by hand, simulated powers against exact enumeration. */
const P: Record<string, number> = { "10": 0.2, "11": 0.3, "12": 0.5 };
const ALLELES = Object.keys(P);
const options: PedigreeOptions = { theta: 0, mutation: { model: "none" }, minFrequency: 0.001 };
const trio: PedigreePerson[] = [
  { id: "FA", sex: "male" },
  { id: "MO", sex: "female" },
  { id: "MP", sex: "male", father: "FA", mother: "MO" },
];
const family = (profiles: DviFamily["profiles"], loci = ["L1"]): DviFamily => ({ id: "F1", persons: trio, missing: ["MP"], profiles: Object.fromEntries(Object.entries(profiles).map(([id, profile]) => [id, Object.fromEntries(Object.entries(profile).filter(([locus]) => loci.includes(locus)))])) });
const p = (allele: string) => P[allele] ?? 0;

describe("exclusion power of the references as typed", () => {
  it("counts at least k of independent loci (Poisson-binomial)", () => {
    expect(atLeast([0.5, 0.2], 1)).toBeCloseTo(1 - 0.5 * 0.8, 12);
    // Exactly two (0.09 + 0.04 + 0.01) or all three (0.01).
    expect(atLeast([0.5, 0.2, 0.1], 2)).toBeCloseTo(0.15, 12);
  });

  it("is (1 − p_a − p_b)² for a mother a/b at one locus, and needs k loci when k > 1", () => {
    const frequencies = { L1: P, L2: P };
    const mother = family({ MO: { L1: ["10", "11"], L2: ["12", "12"] } }, ["L1", "L2"]);
    const q1 = (1 - p("10") - p("11")) ** 2;
    const q2 = (1 - p("12")) ** 2;
    expect(exactExclusionPower(family({ MO: { L1: ["10", "11"] } }), "MP", { L1: P }, options, 1)).toBeCloseTo(q1, 12);
    expect(exactExclusionPower(mother, "MP", frequencies, options, 2)).toBeCloseTo(q1 * q2, 12);
    expect(exactExclusionPower(mother, "MP", frequencies, options, 1)).toBeCloseTo(1 - (1 - q1) * (1 - q2), 12);
  });

  it("excludes everyone whose genotype two typed parents cannot give", () => {
    const parents = family({ FA: { L1: ["11", "12"] }, MO: { L1: ["10", "11"] } });
    const consistent = 2 * p("10") * p("11") + 2 * p("10") * p("12") + p("11") ** 2 + 2 * p("11") * p("12");
    expect(exactExclusionPower(parents, "MP", { L1: P }, options, 1)).toBeCloseTo(1 - consistent, 12);
    expect(exactExclusionPower(family({}), "MP", { L1: P }, options, 1)).toBeNull();
  });
});

describe("simulated powers", () => {
  /** Exact IP and EP of "the mother typed" at one locus: every mother and child genotype enumerated. */
  function exactMotherPowers(threshold: number) {
    let inclusion = 0;
    let exclusion = 0;
    const genotypes = ALLELES.flatMap((a, i) => ALLELES.slice(i).map((b) => [a, b] as [string, string]));
    const hw = ([a, b]: [string, string]) => (a === b ? p(a) ** 2 : 2 * p(a) * p(b));
    for (const mother of genotypes) {
      // The child: one of the mother's alleles (½ each) and one from the population.
      for (const passed of mother) {
        for (const other of ALLELES) {
          const child = [passed, other].sort() as [string, string];
          const lr = pedigreeLikelihoodRatio({ persons: trio, missing: "MP", profiles: { MO: { L1: mother }, MP: { L1: child } } }, { L1: P }, options).lr;
          if (lr >= threshold) inclusion += hw(mother) * 0.5 * p(other);
        }
      }
      exclusion += hw(mother) * (1 - mother.filter((allele, index) => mother.indexOf(allele) === index).reduce((sum, allele) => sum + p(allele), 0)) ** 2;
    }
    return { inclusion, exclusion };
  }

  it("agree with exact enumeration within four standard errors", () => {
    const threshold = 2.5;
    const exact = exactMotherPowers(threshold);
    const simulated = simulatePower(family({}), "MP", ["MO"], { L1: P }, options, { threshold, exclusionLoci: 1, simulations: 4000, seed: 11 });
    expect(exact.inclusion).toBeGreaterThan(0.05);
    expect(exact.inclusion).toBeLessThan(0.95);
    expect(Math.abs(simulated.inclusionPower - exact.inclusion)).toBeLessThanOrEqual(4 * simulated.inclusionStandardError);
    expect(Math.abs(simulated.exclusionPower - exact.exclusion)).toBeLessThanOrEqual(4 * simulated.exclusionStandardError);
  }, 60_000);
});

describe("advice per family and the office's work list", () => {
  const loci = ["L1", "L2", "L3", "L4", "L5", "L6"];
  const frequencies = Object.fromEntries(loci.map((locus) => [locus, { "9": 0.1, "10": 0.15, "11": 0.2, "12": 0.25, "13": 0.3 }]));
  const persons: PedigreePerson[] = [
    { id: "GF", sex: "male" },
    { id: "GM", sex: "female" },
    { id: "FA", sex: "male", father: "GF", mother: "GM" },
    { id: "UN", sex: "male", father: "GF", mother: "GM" },
    { id: "MO", sex: "female" },
    { id: "MP", sex: "male", father: "FA", mother: "MO" },
    { id: "S1", sex: "female", father: "FA", mother: "MO" },
  ];
  const sibling: DviFamily = { id: "F1", persons, missing: ["MP"], profiles: { S1: Object.fromEntries(loci.map((locus) => [locus, ["10", "12"] as [string, string]])) } };
  const settings = { threshold: 100, exclusionLoci: 2, simulations: 120, seed: 5 };

  it("ranks the parents above the uncle and the grandparents for a family with one sibling typed, and skips the unavailable", () => {
    const [advice] = familySamplingAdvice(sibling, frequencies, options, settings);
    expect(advice?.references).toEqual(["S1"]);
    expect(advice?.options.map((option) => option.relative).slice(0, 2).sort()).toEqual(["FA", "MO"]);
    expect(advice?.options[0]?.inclusionGain).toBeGreaterThan(0.1);
    const gains = advice?.options.map((option) => option.inclusionGain) ?? [];
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    const [without] = familySamplingAdvice(sibling, frequencies, options, { ...settings, unavailable: new Map([["F1", new Set(["FA", "MO"])]]) });
    expect(without?.options.map((option) => option.relative)).not.toContain("FA");
    expect(without?.options.map((option) => option.relative)).not.toContain("MO");
  }, 60_000);

  it("lists the best next sample of each missing person by gain, without those that gain nothing", () => {
    const entry = (family: string, relative: string, gain: number): MissingPersonAdvice => ({
      family,
      missing: "MP",
      key: `${family}:MP`,
      references: [],
      exactExclusionPower: null,
      current: { inclusionPower: 0, exclusionPower: 0, inclusionStandardError: 0, exclusionStandardError: 0, simulations: 1, theta: 0 },
      options: [{ relative, inclusionGain: gain, exclusionGain: 0, power: { inclusionPower: gain, exclusionPower: 0, inclusionStandardError: 0, exclusionStandardError: 0, simulations: 1, theta: 0 } }],
    });
    const list = samplingWorkList([entry("F1", "MO", 0.2), entry("F2", "FA", 0.6), entry("F3", "UN", 0), entry("F4", "S1", 0.4)], 2);
    expect(list.map((row) => [row.family, row.relative])).toEqual([
      ["F2", "FA"],
      ["F4", "S1"],
    ]);
  });
});

describe("θ in the simulation", () => {
  const wide: PedigreePerson[] = [
    { id: "GF", sex: "male" },
    { id: "GM", sex: "female" },
    { id: "MO", sex: "female", father: "GF", mother: "GM" },
    { id: "AU", sex: "female", father: "GF", mother: "GM" },
    { id: "UN", sex: "male" },
    { id: "CO", sex: "male", father: "UN", mother: "AU" },
    { id: "FA", sex: "male" },
    { id: "MP", sex: "male", father: "FA", mother: "MO" },
    { id: "S1", sex: "female", father: "FA", mother: "MO" },
  ];
  const stated: PedigreeOptions = { theta: 0.02, mutation: { model: "proportional", femaleRate: 0.002, maleRate: 0.002 }, minFrequency: 0.001 };

  it("counts the founder genes the θ sum runs over, as the likelihood does", () => {
    // Both parents typed: four founder genes.
    expect(founderGeneCount(trio, ["FA", "MO", "MP"])).toBe(4);
    // A sister and a maternal cousin: the grandparents' four, the father's two, the cousin's father's one.
    expect(founderGeneCount(wide, ["S1", "CO", "MP"])).toBe(7);
    // Without the cousin the aunt's branch is pruned: the untyped mother's parents pass one gene each.
    expect(founderGeneCount(wide, ["S1", "MP"])).toBe(4);
  });

  it("keeps the stated θ on a narrow pedigree and uses θ = 0 (said so) on a wide one, for every set of that person's relatives", () => {
    const narrow: DviFamily = { id: "N", persons: trio, missing: ["MP"], profiles: {} };
    expect(simulationOptions(narrow, "MP", ["FA", "MO"], stated).theta).toBe(0.02);
    const family: DviFamily = { id: "W", persons: wide, missing: ["MP"], profiles: {} };
    expect(founderGeneCount(wide, ["S1", "CO", "MP"])).toBeGreaterThan(SIMULATION_THETA_FOUNDER_GENES);
    expect(simulationOptions(family, "MP", ["S1", "CO"], stated)).toEqual({ ...stated, theta: 0 });
    const power = simulatePower(family, "MP", ["S1"], { L1: P }, simulationOptions(family, "MP", ["S1", "CO"], stated), { threshold: 10, exclusionLoci: 1, simulations: 5, seed: 3 });
    expect(power.theta).toBe(0);
  });
});
