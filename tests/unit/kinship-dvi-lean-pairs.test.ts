import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/demo/random";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { prepareKinship, shareBetweenFamilies } from "@/lib/kinship/likelihood";
import { GenotypeCodes } from "@/lib/kinship/pedigree/coded-profiles";
import { prepareLikelihoodRatio } from "@/lib/kinship/pedigree/ratio";
import { SharedLocusLikelihoods } from "@/lib/kinship/pedigree/shared-likelihoods";
import type { PedigreeOptions, PedigreePerson } from "@/lib/kinship/pedigree/types";
import type { KinshipOptions, Profile, Reference, Relationship } from "@/lib/kinship/types";

/**
 * The DVI layer keeps of each of its millions of pairs only the LR and the inconsistent loci, asked
 * through prepareKinship's lrAndInconsistent: it reads the same per-family outcomes as the full
 * answer, looked up by the genotype's two alleles (outcomes-by-genotype.ts) instead of a key string.
 * Both must give every body, in every family of the run, the answer of the family prepared afresh
 * for that body alone, bit for bit: bodies whose genotypes share an allele or
 * show the same alleles in the other order, asked lean first or full first, the same genotype
 * objects shared by bodies, references that contradict one another, a family that cannot be placed,
 * and (on the pedigree engine itself) a family first asked without inconsistency counted.
 */
const TABLE = new FrequencyTable(
  {
    L1: { "10": 0.2, "11": 0.3, "12": 0.15, "13": 0.1, "14": 0.05 },
    L2: { "8": 0.5, "9": 0.4, "10": 0.2 },
    L3: { "6": 0.3, "7": 0.3, "8": 0.4 },
  },
  0.01,
);
const ALLELES: Record<string, readonly string[]> = { L1: ["10", "11", "12", "13", "99"], L2: ["8", "9", "10"], L3: ["6", "7", "8"] };
const OPTIONS: KinshipOptions = { theta: 0.02, mutationRate: 0.002 };

function draw(next: () => number): Profile {
  const pick = (alleles: readonly string[]) => alleles[Math.floor(next() * alleles.length)] as string;
  return Object.fromEntries(Object.entries(ALLELES).map(([locus, alleles]) => [locus, [pick(alleles), pick(alleles)] as const]));
}

const reference = (id: string, relationship: Relationship, genotype: Profile): Reference => ({ id, relationship, genotype }) as Reference;

describe("the DVI layer's lean answer per pair", () => {
  const next = mulberry32(5);
  const shared = draw(next);
  const bodies: Profile[] = Array.from({ length: 60 }, (_, index) => {
    const own = draw(next);
    // Every third body shows another body's very genotype objects; every fifth its L1 alleles swapped.
    if (index % 3 === 2) return { ...own, L2: shared.L2 as Profile[string] };
    if (index % 5 === 4) return { ...own, L1: [own.L1?.[1], own.L1?.[0]] as unknown as Profile[string] };
    return own;
  });
  const families: Reference[][] = [
    [reference("R1", "full_sibling", draw(next))],
    [reference("R1", "mother", draw(next)), reference("R2", "father", draw(next))],
    [reference("R1", "mother", { L1: ["10", "10"], L2: ["8", "8"], L3: ["6", "6"] }), reference("R2", "child", { L1: ["11", "11"], L2: ["9", "9"], L3: ["7", "7"] })],
    [reference("R1", "full_sibling", draw(next))],
    [reference("R1", "mother", draw(next)), reference("R2", "mother", draw(next))],
  ];

  // Asked first: the lean answer or the full one.
  for (const first of ["lean", "full"] as const) {
    it(`gives every pair the full answer's LR and inconsistent loci (${first} asked first)`, () => {
      const run = shareBetweenFamilies(TABLE, OPTIONS);
      let inconsistentSeen = 0;
      for (const references of families) {
        const prepared = prepareKinship(TABLE, references, OPTIONS, undefined, { profiles: bodies, minimumGenotypes: 3, likelihoods: false }, run);
        for (const body of bodies) {
          const lean = first === "lean" ? prepared.lrAndInconsistent(body) : null;
          const full = prepared(body);
          const after = lean ?? prepared.lrAndInconsistent(body);
          // The reference answer: the family prepared afresh for this body alone (no cache, no store).
          const expected = prepareKinship(TABLE, references, OPTIONS)(body);
          expect(Object.is(full.lr, expected.lr)).toBe(true);
          expect(Object.is(after.lr, expected.lr)).toBe(true);
          expect(after.inconsistentLoci).toEqual(expected.inconsistentLoci);
          inconsistentSeen += after.inconsistentLoci.length;
        }
      }
      // The bodies reach inconsistent loci, so the list is really compared.
      expect(inconsistentSeen).toBeGreaterThan(0);
    });
  }

  it("gives every pair the same answer from its coded profile, in the profile's own order of loci", () => {
    const run = shareBetweenFamilies(TABLE, OPTIONS);
    const codes = new GenotypeCodes();
    const other = new GenotypeCodes();
    // Every fourth body lists its loci in another order (the product follows the profile's order).
    const asked = bodies.map((body, index) => (index % 4 === 3 ? Object.fromEntries(Object.entries(body).reverse()) : body));
    const coded = asked.map((body) => codes.code(body));
    let inconsistentSeen = 0;
    for (const references of families) {
      const prepared = prepareKinship(TABLE, references, OPTIONS, undefined, { profiles: asked, minimumGenotypes: 3, likelihoods: false }, run);
      asked.forEach((body, index) => {
        const fromCodes = prepared.lrAndInconsistentCoded(coded[index] as ReturnType<GenotypeCodes["code"]>);
        // A profile coded by another numbering is answered from the profile itself.
        const fromOther = prepared.lrAndInconsistentCoded(other.code(asked[(index * 7) % asked.length] as Profile));
        const expected = prepareKinship(TABLE, references, OPTIONS)(body);
        const expectedOther = prepareKinship(TABLE, references, OPTIONS)(asked[(index * 7) % asked.length] as Profile);
        expect(Object.is(fromCodes.lr, expected.lr)).toBe(true);
        expect(fromCodes.inconsistentLoci).toEqual(expected.inconsistentLoci);
        expect(Object.is(fromOther.lr, expectedOther.lr)).toBe(true);
        expect(fromOther.inconsistentLoci).toEqual(expectedOther.inconsistentLoci);
        inconsistentSeen += fromCodes.inconsistentLoci.length;
      });
    }
    expect(inconsistentSeen).toBeGreaterThan(0);
  });

  it("never reads the outcomes of answers asked without inconsistency counted", () => {
    const options: PedigreeOptions = { theta: 0.02, mutation: { model: "proportional", femaleRate: 0.002, maleRate: 0.002 }, minFrequency: 0.01 };
    const frequencies = Object.fromEntries(TABLE.locusNames().map((locus) => [locus, Object.fromEntries(TABLE.allelesAt(locus))]));
    const persons: PedigreePerson[] = [{ id: "F", sex: "male" }, { id: "M", sex: "female" }, { id: "MP", sex: "male", father: "F", mother: "M" }, { id: "R", sex: "male", father: "F", mother: "M" }];
    const base = { persons, missing: "MP", profiles: { F: draw(next), M: draw(next) } };
    const store = new SharedLocusLikelihoods(frequencies, options);
    const prepared = prepareLikelihoodRatio(base, frequencies, options, undefined, store);
    let inconsistentSeen = 0;
    for (const body of bodies) {
      prepared(body, undefined, false);
      const lean = prepared.lrAndInconsistent(body);
      const expected = prepareLikelihoodRatio(base, frequencies, options)(body);
      expect(Object.is(lean.lr, expected.lr)).toBe(true);
      expect(lean.inconsistentLoci).toEqual(expected.inconsistentLoci);
      inconsistentSeen += lean.inconsistentLoci.length;
    }
    expect(inconsistentSeen).toBeGreaterThan(0);
  });
});
