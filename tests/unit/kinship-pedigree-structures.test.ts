import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/demo/random";
import { forgetPedigreeStructures, pedigreeLikelihood } from "@/lib/kinship/pedigree/likelihood";
import { buildLocusAlleles } from "@/lib/kinship/pedigree/locus-alleles";
import type { Observation } from "@/lib/kinship/pedigree/phenotype";
import { indexPedigree } from "@/lib/kinship/pedigree/structure";
import type { MutationModel, PedigreePerson } from "@/lib/kinship/pedigree/types";

/**
 * pedigreeLikelihood makes the elimination's and the founder sum's choices once per structure (the
 * parents, who is typed, each gene's number of values, θ > 0, the number of alleles) and replays them
 * for every later computation of that structure. A replayed computation must give the very number
 * the same computation gives from scratch, bit for bit, whatever came before it: here 600 random
 * computations over pedigrees with typed and untyped persons, drop-out (a typed person with as many
 * values as an untyped one), homozygotes, θ = 0 and 0.02, each once from scratch and once in a
 * shuffled sequence where structures are shared.
 */
const TABLE = new Map([
  ["10", 0.1],
  ["11", 0.2],
  ["12", 0.3],
  ["13", 0.15],
  ["14", 0.25],
]);
const ALLELES = [...TABLE.keys()];
const MUTATION: MutationModel = { model: "proportional", femaleRate: 0.002, maleRate: 0.003 };

const SHAPES: PedigreePerson[][] = [
  [{ id: "FA", sex: "male" }, { id: "MO", sex: "female" }, { id: "A", sex: "male", father: "FA", mother: "MO" }, { id: "B", sex: "female", father: "FA", mother: "MO" }],
  [{ id: "GF", sex: "male" }, { id: "GM", sex: "female" }, { id: "FA", sex: "male", father: "GF", mother: "GM" }, { id: "MO", sex: "female" }, { id: "A", sex: "male", father: "FA", mother: "MO" }, { id: "U", sex: "male", father: "GF", mother: "GM" }],
  [{ id: "FA", sex: "male" }, { id: "M1", sex: "female" }, { id: "M2", sex: "female" }, { id: "A", sex: "male", father: "FA", mother: "M1" }, { id: "B", sex: "male", father: "FA", mother: "M2" }, { id: "X", sex: "male" }],
];

interface Case {
  shape: number;
  observations: (Observation | null)[];
  extra: string[];
  theta: number;
}

function drawCases(count: number, seed: number): Case[] {
  const next = mulberry32(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const cases: Case[] = [];
  for (let i = 0; i < count; i += 1) {
    const shape = Math.floor(next() * SHAPES.length);
    const persons = SHAPES[shape] as PedigreePerson[];
    // Alleles seen decide the allele system's size (the lumped rest is one more value).
    const seen = ALLELES.filter(() => next() < 0.6);
    if (seen.length === 0) seen.push("10");
    const observations = persons.map((): Observation | null => {
      if (next() < 0.4) return null;
      const a = ALLELES.indexOf(pick(seen));
      const b = next() < 0.3 ? a : ALLELES.indexOf(pick(seen));
      return { visible: a === b ? [a] : [a, b], dropout: next() < 0.3 ? 0.1 : 0 };
    });
    if (!observations.some((observation) => observation !== null)) observations[0] = { visible: [ALLELES.indexOf(seen[0] as string)], dropout: 0 };
    cases.push({ shape, observations, extra: seen, theta: next() < 0.5 ? 0 : 0.02 });
  }
  return cases;
}

function compute(item: Case): number {
  const pedigree = indexPedigree(SHAPES[item.shape] as PedigreePerson[]);
  const locus = buildLocusAlleles("L", TABLE, item.extra, { minFrequency: 0.01, silentFrequency: 0, mutation: MUTATION });
  // Observations name alleles by their place in ALLELES; the allele system numbers the seen ones.
  const byId = new Map((SHAPES[item.shape] as PedigreePerson[]).map((person, i) => [person.id, item.observations[i] ?? null]));
  const observations = pedigree.ids.map((id) => {
    const observation = byId.get(id) ?? null;
    return observation ? { visible: observation.visible.map((a) => locus.index.get(ALLELES[a] as string) ?? -1), dropout: observation.dropout } : null;
  });
  return pedigreeLikelihood(pedigree, observations, locus, item.theta);
}

describe("pedigreeLikelihood's replayed structures", () => {
  it("gives every computation the number it gets from scratch, bit for bit", () => {
    const cases = drawCases(600, 20261207);
    const fresh = cases.map((item) => {
      forgetPedigreeStructures();
      return compute(item);
    });
    forgetPedigreeStructures();
    const next = mulberry32(7);
    const order = cases.map((_, i) => i).sort(() => next() - 0.5);
    const replayed = new Array<number>(cases.length);
    for (const i of order) replayed[i] = compute(cases[i] as Case);
    // Twice: the second pass replays every structure.
    for (const i of order) expect(Object.is(compute(cases[i] as Case), replayed[i])).toBe(true);
    let differing = 0;
    cases.forEach((_, i) => {
      if (!Object.is(fresh[i], replayed[i])) differing += 1;
    });
    expect(differing).toBe(0);
    expect(fresh.filter((value) => value > 0).length).toBeGreaterThan(300);
  });
});
