import { describe, expect, it } from "vitest";
import { compareBodies, relatedBodies } from "@/lib/kinship/dvi/body-to-body";
import type { DviBody } from "@/lib/kinship/dvi/types";
import type { MutationModel, PedigreeOptions } from "@/lib/kinship/pedigree";
import { bruteForceLikelihood, bruteForceRatio, identityMatrix, proportionalMatrix, type BruteLocus, type BrutePerson } from "./support/brute-force-pedigree";

/**
 * Body-to-body comparison (issue #22, point 5) against hand formulas and the independent brute force
 * of tests/unit/support/brute-force-pedigree.ts: relative error ≤ 1e-9.
 */
const ALLELES = ["10", "11", "12"];
const P = [0.2, 0.3, 0.5];
const TABLE = Object.fromEntries(ALLELES.map((allele, i) => [allele, P[i] ?? 0]));
const FREQUENCIES = { L1: TABLE, L2: TABLE };
const g = (a: string, b: string): [string, string] => [a, b];

const options = (theta: number, mutation: MutationModel = { model: "none" }): PedigreeOptions => ({ theta, mutation, minFrequency: 0.001 });
const body = (id: string, l1: [string, string], l2?: [string, string], extra: Partial<DviBody> = {}): DviBody => ({ id, profile: { L1: l1, ...(l2 ? { L2: l2 } : {}) }, ...extra });

function expectClose(actual: number, expected: number) {
  if (expected === 0) expect(actual).toBe(0);
  else expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(1e-9);
}

function locusOf(femaleRate: number, maleRate: number): BruteLocus {
  const matrix = (rate: number) => (rate === 0 ? identityMatrix(ALLELES.length) : proportionalMatrix(P, rate));
  return { alleles: ALLELES, p: P, female: matrix(femaleRate), male: matrix(maleRate) };
}

/** One person's genes enumerated with the Balding–Nichols prior, each sample's copies dropping out independently. */
function bruteSamePerson(first: [string, string], second: [string, string], theta: number, d1: number, d2: number): number {
  const seen = (shown: [string, string], x: string, y: string, d: number) => {
    let total = 0;
    for (const dropX of [true, false]) {
      for (const dropY of [true, false]) {
        const visible = new Set<string>([...(dropX ? [] : [x]), ...(dropY ? [] : [y])]);
        const want = new Set(shown);
        if (visible.size === want.size && [...visible].every((allele) => want.has(allele))) total += (dropX ? d : 1 - d) * (dropY ? d : 1 - d);
      }
    }
    return total;
  };
  let h1 = 0;
  ALLELES.forEach((x, i) =>
    ALLELES.forEach((y, j) => {
      const prior = (P[i] ?? 0) * ((x === y ? theta : 0) + (1 - theta) * (P[j] ?? 0));
      h1 += prior * seen(first, x, y, d1) * seen(second, x, y, d2);
    }),
  );
  const h2 = bruteForceLikelihood([{ id: "A", sex: "male" }, { id: "B", sex: "male" }], { A: first, B: second }, locusOf(0, 0), theta, { A: d1, B: d2 });
  return h1 / h2;
}

describe("same person", () => {
  it("is 1/(2pq) for a shared heterozygote and the Balding–Nichols match probability for a shared homozygote", () => {
    const theta = 0.02;
    const p = 0.2;
    const homozygote = ((1 + theta) * (1 + 2 * theta)) / ((2 * theta + (1 - theta) * p) * (3 * theta + (1 - theta) * p));
    const [a, b] = [body("A", g("10", "10")), body("B", g("10", "10"))];
    expectClose(compareBodies(a, b, FREQUENCIES, options(theta)).relations.samePerson.lr, homozygote);
    const [c, d] = [body("C", g("10", "11"), g("11", "12")), body("D", g("10", "11"), g("11", "12"))];
    expectClose(compareBodies(c, d, FREQUENCIES, options(0)).relations.samePerson.lr, (1 / (2 * 0.2 * 0.3)) * (1 / (2 * 0.3 * 0.5)));
  });

  it("is zero at a differing locus without drop-out, and weighs a drop-out of a homozygous call as the brute force does", () => {
    const [a, b] = [body("A", g("10", "10"), g("11", "12")), body("B", g("10", "11"), g("11", "12"))];
    const strict = compareBodies(a, b, FREQUENCIES, options(0.02)).relations.samePerson;
    expect(strict.lr).toBe(0);
    expect(strict.inconsistentLoci).toEqual(["L1"]);
    const degraded = compareBodies({ ...a, dropout: 0.1 }, { ...b, dropout: 0.05 }, FREQUENCIES, options(0.02)).relations.samePerson;
    expectClose(degraded.lr, bruteSamePerson(g("10", "10"), g("10", "11"), 0.02, 0.1, 0.05) * bruteSamePerson(g("11", "12"), g("11", "12"), 0.02, 0.1, 0.05));
  });

  it("is zero for two bodies of different known sex", () => {
    const comparison = compareBodies(body("A", g("10", "11"), undefined, { sex: "male" }), body("B", g("10", "11"), undefined, { sex: "female" }), FREQUENCIES, options(0));
    expect(comparison.sexMismatch).toBe(true);
    expect(comparison.relations.samePerson.lr).toBe(0);
  });
});

describe("parent and child, full siblings", () => {
  const [a, b] = [body("A", g("10", "11"), g("12", "12")), body("B", g("11", "12"), g("10", "12"))];
  const bruteProduct = (persons: BrutePerson[], missing: string, locus: BruteLocus, theta: number) =>
    ratioOver(["L1", "L2"], (name) => bruteForceRatio(persons, missing, { A: (a.profile[name] ?? g("", "")) as [string, string], B: (b.profile[name] ?? g("", "")) as [string, string] }, locus, theta));
  const ratioOver = (loci: string[], ratio: (locus: string) => number) => loci.reduce((product, locus) => product * ratio(locus), 1);

  it("averages the two directions' whole-profile ratios (parent sex known), with θ and mutation", () => {
    const theta = 0.02;
    const rate = 0.002;
    const locus = locusOf(rate, rate);
    const aParent = bruteProduct([{ id: "A", sex: "female" }, { id: "B", sex: "male", mother: "A" }], "B", locus, theta);
    const bParent = bruteProduct([{ id: "B", sex: "male" }, { id: "A", sex: "female", father: "B" }], "A", locus, theta);
    const comparison = compareBodies({ ...a, sex: "female" }, { ...b, sex: "male" }, FREQUENCIES, options(theta, { model: "proportional", femaleRate: rate, maleRate: rate }));
    expectClose(comparison.relations.parentChild.lr, (aParent + bParent) / 2);
    // A mutation is needed at L2 (12/12 against 10/12 shares 12; L1 10/11 against 11/12 shares 11): consistent.
    expect(comparison.relations.parentChild.inconsistentLoci).toEqual([]);
  });

  it("treats a parent of unknown sex as father or mother with ½ each when the rates differ", () => {
    const locus = locusOf(0.001, 0.004);
    const mutation: MutationModel = { model: "proportional", femaleRate: 0.001, maleRate: 0.004 };
    const [x, y] = [body("A", g("10", "11"), g("12", "12")), body("B", g("12", "12"), g("11", "12"))];
    const terms = (["male", "female"] as const).flatMap((sex) => {
      const link = (parent: string) => (sex === "male" ? { father: parent } : { mother: parent });
      const product = (persons: BrutePerson[], missing: string) =>
        ratioOver(["L1", "L2"], (name) => bruteForceRatio(persons, missing, { A: x.profile[name] as [string, string], B: y.profile[name] as [string, string] }, locus, 0));
      return [product([{ id: "A", sex }, { id: "B", sex: "male", ...link("A") }], "B"), product([{ id: "B", sex }, { id: "A", sex: "male", ...link("B") }], "A")];
    });
    const comparison = compareBodies(x, y, FREQUENCIES, options(0, mutation));
    expectClose(comparison.relations.parentChild.lr, terms.reduce((sum, term) => sum + term, 0) / 4);
    expect(comparison.relations.parentChild.inconsistentLoci).toEqual(["L1"]);
  });

  it("computes full siblings as children of two untyped parents", () => {
    const theta = 0.02;
    const locus = locusOf(0.002, 0.002);
    const persons: BrutePerson[] = [
      { id: "F", sex: "male" },
      { id: "M", sex: "female" },
      { id: "A", sex: "male", father: "F", mother: "M" },
      { id: "B", sex: "male", father: "F", mother: "M" },
    ];
    const comparison = compareBodies(a, b, FREQUENCIES, options(theta, { model: "proportional", femaleRate: 0.002, maleRate: 0.002 }));
    expectClose(comparison.relations.fullSiblings.lr, bruteProduct(persons, "B", locus, theta));
  });
});

describe("related bodies", () => {
  const bodies = [
    body("B1", g("10", "11"), g("11", "12")),
    body("B2", g("12", "12"), g("10", "10")),
    body("B3", g("10", "11"), g("11", "12")),
  ];
  const listing = { ...options(0), listFrom: 10, exclusionLoci: 2 };

  it("lists the pair that is one person split over two bodies, and not the unrelated ones", () => {
    const found = relatedBodies(bodies, FREQUENCIES, listing);
    expect(found.map((pair) => [pair.a, pair.b, pair.strongest])).toEqual([["B1", "B3", "samePerson"]]);
  });

  it("limits the comparisons to a body's own pairs when asked", () => {
    expect(relatedBodies(bodies, FREQUENCIES, listing, new Set(["B2"]))).toEqual([]);
    expect(relatedBodies(bodies, FREQUENCIES, listing, new Set(["B3"])).map((pair) => pair.b)).toEqual(["B3"]);
  });
});
