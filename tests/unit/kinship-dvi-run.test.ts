import { describe, expect, it } from "vitest";
import { DEFAULT_MUTATION, NO_MUTATION, pedigreeLikelihoodRatio, type Genotype, type PedigreePerson } from "@/lib/kinship/pedigree";
import { NOT_IN_DATABASE, runDvi, type DviBody, type DviFamily, type DviOptions } from "@/lib/kinship/dvi";
import { bruteForceLikelihood, identityMatrix, type BruteLocus } from "./support/brute-force-pedigree";

const LOCI = ["L1", "L2", "L3", "L4", "L5"];
const table = { "10": 0.05, "11": 0.05, "12": 0.05, "13": 0.05, "14": 0.8 };
const frequencies = Object.fromEntries(LOCI.map((locus) => [locus, table]));
const everywhere = (genotype: Genotype) => Object.fromEntries(LOCI.map((locus) => [locus, genotype]));

const options: DviOptions = {
  theta: 0,
  mutation: DEFAULT_MUTATION,
  minFrequency: 0.001,
  threshold: 1e4,
  exclusionLoci: 3,
  notInDatabaseWeight: 1,
  searchLimit: 100_000,
};

/** Father FA, mother MO; their typed children C2, C3; their missing son S1. */
const persons: PedigreePerson[] = [
  { id: "FA", sex: "male" },
  { id: "MO", sex: "female" },
  { id: "C2", sex: "female", father: "FA", mother: "MO" },
  { id: "C3", sex: "male", father: "FA", mother: "MO" },
  { id: "S1", sex: "male", father: "FA", mother: "MO" },
];
const family: DviFamily = {
  id: "F1",
  persons,
  missing: ["FA", "S1"],
  profiles: { MO: everywhere(["12", "13"]), C2: everywhere(["10", "12"]), C3: everywhere(["11", "13"]) },
};
const father: DviBody = { id: "B1", sex: "male", profile: everywhere(["10", "11"]) };
const son: DviBody = { id: "B2", sex: "male", profile: everywhere(["10", "13"]) };
const stranger: DviBody = { id: "B3", profile: everywhere(["14", "14"]) };

describe("the exclusion matrix", () => {
  it("counts the loci inconsistent without mutation and excludes at 3, though the LR with mutation is above 0", () => {
    // The stranger 14/14 as the son of MO (12/13): every locus is inconsistent.
    const result = runDvi([stranger], [family], frequencies, { ...options, threshold: 1e30 });
    const asSon = result.pairs.find((pair) => pair.body === "B3" && pair.key === "F1:S1");
    expect(asSon?.inconsistentLoci).toEqual(LOCI);
    expect(asSon?.lr).toBeGreaterThan(0);
    expect(asSon?.excluded).toBe(true);
    expect(result.probabilities.get("B3")?.get("F1:S1")).toBeUndefined();
  });

  it("does not exclude at two inconsistent loci unless the limit is set to two", () => {
    const twoOff: DviBody = { id: "B4", profile: { ...son.profile, L1: ["14", "14"], L2: ["14", "14"] } };
    const pairOf = (limit: number) => runDvi([twoOff], [family], frequencies, { ...options, threshold: 1e30, exclusionLoci: limit }).pairs.find((pair) => pair.key === "F1:S1");
    expect(pairOf(3)).toMatchObject({ inconsistentLoci: ["L1", "L2"], excluded: false });
    expect(pairOf(2)).toMatchObject({ inconsistentLoci: ["L1", "L2"], excluded: true });
  });

  it("excludes a body of the other sex", () => {
    const woman: DviBody = { ...father, id: "B5", sex: "female" };
    const pair = runDvi([woman], [family], frequencies, options).pairs.find((p) => p.key === "F1:FA");
    expect(pair).toMatchObject({ sexMismatch: true, excluded: true, inconsistentLoci: [] });
  });
});

describe("iterative conditioning", () => {
  it("uses an undisputed father as a reference, which makes his son undisputed in the next round", () => {
    const pairwise = pedigreeLikelihoodRatio({ persons, missing: "S1", profiles: { ...family.profiles, S1: son.profile } }, frequencies, options).lr;
    const conditioned = pedigreeLikelihoodRatio({ persons, missing: "S1", profiles: { ...family.profiles, FA: father.profile, S1: son.profile } }, frequencies, options).lr;
    const threshold = Math.sqrt(pairwise * conditioned);
    expect(pairwise).toBeLessThan(threshold);
    expect(conditioned).toBeGreaterThan(threshold);
    const result = runDvi([father, son, stranger], [family], frequencies, { ...options, threshold });
    expect(result.undisputed.map(({ pair, round }) => [pair.body, pair.key, round])).toEqual([
      ["B1", "F1:FA", 1],
      ["B2", "F1:S1", 2],
    ]);
    expect(result.undisputed[1]?.pair.lr).toBeCloseTo(conditioned, 6);
    expect(result.best).toEqual(new Map([["B1", "F1:FA"], ["B2", "F1:S1"], ["B3", null]]));
    expect(result.rounds).toBe(3);
  });
});

describe("several missing persons of one family, jointly", () => {
  // One locus per check, θ = 0, no mutation: the family's joint LR of father and son placed
  // together is P(MO, FA = b1, S1 = b2) / (P(MO) P(b1) P(b2)), by brute force.
  const alleles = ["10", "11", "12", "13"];
  const p = [0.1, 0.2, 0.3, 0.4];
  const locus: BruteLocus = { alleles, p, female: identityMatrix(4), male: identityMatrix(4) };
  const small = { L1: Object.fromEntries(alleles.map((a, i) => [a, p[i] as number])) };
  const graveFamily: DviFamily = {
    id: "F1",
    persons: [
      { id: "FA", sex: "male" },
      { id: "MO", sex: "female" },
      { id: "S1", sex: "male", father: "FA", mother: "MO" },
    ],
    missing: ["FA", "S1"],
    profiles: { MO: { L1: ["12", "13"] } },
  };
  const b1: DviBody = { id: "B1", profile: { L1: ["10", "11"] } };
  const b2: DviBody = { id: "B2", profile: { L1: ["10", "12"] } };
  const single = (genotype: [string, string]) => bruteForceLikelihood([{ id: "X", sex: "male" }], { X: genotype }, locus, 0);
  const likelihood = (profiles: Record<string, [string, string]>) => bruteForceLikelihood(graveFamily.persons, { MO: ["12", "13"], ...profiles }, locus, 0);
  const reference = likelihood({});
  const lr = (profiles: Record<string, [string, string]>) =>
    likelihood(profiles) / (reference * Object.values(profiles).reduce((product, genotype) => product * single(genotype), 1));

  it("ranks and weighs the joint assignments with the family's joint LR, not the product of pairwise ones", () => {
    const weights: [Record<string, string | null>, number][] = [
      [{ B1: null, B2: null }, 1],
      [{ B1: "F1:FA", B2: null }, lr({ FA: ["10", "11"] })],
      [{ B1: "F1:S1", B2: null }, lr({ S1: ["10", "11"] })],
      [{ B1: null, B2: "F1:FA" }, lr({ FA: ["10", "12"] })],
      [{ B1: null, B2: "F1:S1" }, lr({ S1: ["10", "12"] })],
      [{ B1: "F1:FA", B2: "F1:S1" }, lr({ FA: ["10", "11"], S1: ["10", "12"] })],
      [{ B1: "F1:S1", B2: "F1:FA" }, lr({ S1: ["10", "11"], FA: ["10", "12"] })],
    ];
    const joint = lr({ FA: ["10", "11"], S1: ["10", "12"] });
    expect(joint).not.toBeCloseTo(lr({ FA: ["10", "11"] }) * lr({ S1: ["10", "12"] }), 3);
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    const result = runDvi([b1, b2], [graveFamily], small, { ...options, mutation: NO_MUTATION, threshold: 1e30 });
    for (const body of ["B1", "B2"]) {
      for (const key of [NOT_IN_DATABASE, "F1:FA", "F1:S1"]) {
        const expected = weights.filter(([assignment]) => (assignment[body] ?? NOT_IN_DATABASE) === key).reduce((sum, [, weight]) => sum + weight, 0) / total;
        expect(result.probabilities.get(body)?.get(key) ?? 0).toBeCloseTo(expected, 12);
      }
    }
    expect(result.best).toEqual(new Map([["B1", "F1:FA"], ["B2", "F1:S1"]]));
    expect(result.ranked[0]?.[0]?.assignment).toEqual({ B1: "F1:FA", B2: "F1:S1" });
  });
});
