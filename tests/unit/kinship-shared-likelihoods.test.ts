import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/demo/random";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { prepareKinship, shareBetweenFamilies } from "@/lib/kinship/likelihood";
import { prepareLikelihoodRatio, type FrequencyInput } from "@/lib/kinship/pedigree/ratio";
import { SharedLocusLikelihoods } from "@/lib/kinship/pedigree/shared-likelihoods";
import type { Genotype, PedigreeOptions, PedigreePerson, PedigreeResult } from "@/lib/kinship/pedigree/types";
import type { KinshipOptions, Profile, Reference, Relationship } from "@/lib/kinship/types";

/**
 * The DVI layer's shortcut of lib/kinship/pedigree/shared-likelihoods.ts: a locus's likelihoods
 * computed for one family are reused by another whose pruned pedigree has the same shape and whose
 * references show the same genotypes and drop-outs there. Every answer must be the one the family
 * gets computed on its own, bit for bit: families alike in genotypes but not in shape (a half and a
 * full sibling), alike in shape but not in one reference's genotype or drop-out, and families
 * computed with other options than the shared store's.
 */
const FREQUENCIES: FrequencyInput = {
  L1: { "10": 0.2, "11": 0.3, "12": 0.15, "13": 0.1, "14": 0.05 },
  L2: { "8": 0.5, "9": 0.4, "10": 0.2 },
};
const ALLELES = { L1: ["10", "11", "12", "13", "99"], L2: ["8", "9", "10"] } as const;

function draw(next: () => number): Record<string, Genotype> {
  const pick = (alleles: readonly string[]) => alleles[Math.floor(next() * alleles.length)] as string;
  return { L1: [pick(ALLELES.L1), pick(ALLELES.L1)], L2: [pick(ALLELES.L2), pick(ALLELES.L2)] };
}

function expectSame(shared: PedigreeResult, alone: PedigreeResult): void {
  expect(Object.is(shared.lr, alone.lr)).toBe(true);
  expect(shared.loci).toEqual(alone.loci);
  for (const locus of Object.keys(alone.loci)) expect(Object.is(shared.loci[locus], alone.loci[locus])).toBe(true);
  expect(shared.inconsistentLoci).toEqual(alone.inconsistentLoci);
  expect(shared.warnings).toEqual(alone.warnings);
}

const male = (id: string, father?: string, mother?: string): PedigreePerson => ({ id, sex: "male", father, mother });
const female = (id: string, father?: string, mother?: string): PedigreePerson => ({ id, sex: "female", father, mother });

// One typed relative R of the missing person MP: the same genotypes, two shapes.
const HALF_SIBLINGS = [male("F"), female("M1"), female("M2"), male("MP", "F", "M1"), male("R", "F", "M2")];
const FULL_SIBLINGS = [male("F"), female("M"), male("MP", "F", "M"), male("R", "F", "M")];

describe("locus likelihoods shared between families", () => {
  const options: PedigreeOptions = { theta: 0.02, mutation: { model: "proportional", femaleRate: 0.002, maleRate: 0.002 }, minFrequency: 0.01 };
  const next = mulberry32(11);
  const bodies = Array.from({ length: 40 }, () => draw(next));
  const relative = draw(next);
  const other = { ...relative, L1: (relative.L1?.[0] === "12" ? ["13", "13"] : ["12", "12"]) as Genotype };
  const families: { persons: PedigreePerson[]; profile: Record<string, Genotype>; dropout?: Record<string, number> }[] = [
    { persons: HALF_SIBLINGS, profile: relative },
    { persons: FULL_SIBLINGS, profile: relative },
    { persons: HALF_SIBLINGS, profile: other },
    { persons: HALF_SIBLINGS, profile: relative, dropout: { R: 0.1 } },
    { persons: FULL_SIBLINGS, profile: relative },
  ];

  it("gives every family the answers it gets on its own", () => {
    const shared = new SharedLocusLikelihoods(FREQUENCIES, options);
    for (const family of families) {
      const base = { persons: family.persons, missing: "MP", profiles: { R: family.profile }, dropout: family.dropout };
      const withShared = prepareLikelihoodRatio(base, FREQUENCIES, options, undefined, shared);
      const alone = prepareLikelihoodRatio(base, FREQUENCIES, options);
      for (const body of bodies) {
        expectSame(withShared(body), alone(body));
        expectSame(withShared(body, 0.2), alone(body, 0.2));
      }
    }
  });

  it("tells apart families whose references carry the same alleles in other persons", () => {
    // The references' alleles in the same order (each family lists its references in another
    // order), but the grandfather's genotype is the uncle's in the other family.
    const persons = [male("GF"), female("GM"), male("P", "GF", "GM"), male("U", "GF", "GM"), female("S"), male("MP", "P", "S")];
    const shared = new SharedLocusLikelihoods(FREQUENCIES, options);
    for (const profiles of [{ GF: relative, U: other }, { U: relative, GF: other }]) {
      const base = { persons, missing: "MP", profiles };
      const withShared = prepareLikelihoodRatio(base, FREQUENCIES, options, undefined, shared);
      const alone = prepareLikelihoodRatio(base, FREQUENCIES, options);
      for (const body of bodies) expectSame(withShared(body), alone(body));
    }
  });

  it("shares the inconsistency test between a family answered by its vectors and one answered genotype by genotype", () => {
    // A mother and her child: a body is often inconsistent without a mutation.
    const persons = [female("M"), male("F"), male("MP", "F", "M")];
    const shared = new SharedLocusLikelihoods(FREQUENCIES, options);
    const expected = { profiles: bodies, minimumGenotypes: 3, likelihoods: false };
    let inconsistentSeen = 0;
    for (const announced of [expected, undefined, expected]) {
      const base = { persons, missing: "MP", profiles: { M: relative } };
      const withShared = prepareLikelihoodRatio(base, FREQUENCIES, options, announced, shared);
      const alone = prepareLikelihoodRatio(base, FREQUENCIES, options);
      for (const body of bodies) {
        const answer = withShared(body);
        expectSame(answer, alone(body));
        inconsistentSeen += answer.inconsistentLoci.length;
      }
    }
    expect(inconsistentSeen).toBeGreaterThan(0);
  });

  it("is not read by a family computed with other options", () => {
    const shared = new SharedLocusLikelihoods(FREQUENCIES, options);
    const base = { persons: HALF_SIBLINGS, missing: "MP", profiles: { R: relative } };
    const fill = prepareLikelihoodRatio(base, FREQUENCIES, options, undefined, shared);
    for (const body of bodies) fill(body);
    const otherOptions: PedigreeOptions = { ...options, theta: 0.05 };
    const withShared = prepareLikelihoodRatio(base, FREQUENCIES, otherOptions, undefined, shared);
    const alone = prepareLikelihoodRatio(base, FREQUENCIES, otherOptions);
    for (const body of bodies) expectSame(withShared(body), alone(body));
  });

  it("is shared by prepareKinship only for its own table and options", () => {
    const table = new FrequencyTable(FREQUENCIES, 0.01);
    const settings: KinshipOptions = { theta: 0.02, mutationRate: 0.002 };
    const between = shareBetweenFamilies(table, settings);
    const reference = (id: string, relationship: Relationship, genotype: Profile): Reference => ({ id, relationship, genotype });
    const referenceSets = [
      [reference("A", "half_sibling", relative)],
      [reference("B", "full_sibling", relative)],
      [reference("C", "half_sibling", other)],
      [reference("D", "half_sibling", relative)],
    ];
    for (const references of referenceSets) {
      const withShared = prepareKinship(table, references, settings, undefined, undefined, between);
      const alone = prepareKinship(table, references, settings);
      for (const body of bodies) expectSame(withShared(body), alone(body));
      // Other options than the store's: computed on their own.
      const otherSettings = { ...settings, theta: 0 };
      const unbound = prepareKinship(table, references, otherSettings, undefined, undefined, between);
      const unboundAlone = prepareKinship(table, references, otherSettings);
      for (const body of bodies) expectSame(unbound(body), unboundAlone(body));
    }
  });
});
