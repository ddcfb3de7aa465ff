import { describe, expect, it } from "vitest";
import { computeKinship, FrequencyTable, type Genotype, type KinshipOptions, type Relationship } from "@/lib/kinship";

const P = { A: 0.1, B: 0.2, C: 0.3, D: 0.4 };
const table = new FrequencyTable({ L: P }, 0.001);

function lr(relationship: Relationship, reference: Genotype, missing: Genotype, options: KinshipOptions = { theta: 0, mutationRate: 0 }) {
  return computeKinship(table, { L: missing }, [{ id: "R", relationship, genotype: { L: reference } }], options).lr;
}

describe("single-reference likelihood ratios", () => {
  it("gives 1/(4p) for a heterozygous parent sharing one allele with the missing person", () => {
    expect(lr("mother", ["A", "B"], ["A", "C"])).toBeCloseTo(1 / (4 * P.A), 10);
    expect(lr("father", ["A", "B"], ["B", "D"])).toBeCloseTo(1 / (4 * P.B), 10);
  });

  it("gives (pA + pB)/(4 pA pB) when parent and missing person have the same heterozygous genotype", () => {
    expect(lr("mother", ["A", "B"], ["A", "B"])).toBeCloseTo((P.A + P.B) / (4 * P.A * P.B), 10);
  });

  it("gives 1/2 + 1/(2p) for a half sibling sharing a homozygous genotype and 1/2 when nothing is shared", () => {
    expect(lr("half_sibling", ["A", "A"], ["A", "A"])).toBeCloseTo(0.5 + 1 / (2 * P.A), 10);
    expect(lr("half_sibling", ["A", "B"], ["C", "D"])).toBeCloseTo(0.5, 10);
    expect(lr("first_cousin", ["A", "B"], ["C", "D"])).toBeCloseTo(0.75, 10);
  });

  it("treats a grandparent and an aunt or uncle like a half sibling (same κ)", () => {
    const halfSibling = lr("half_sibling", ["A", "C"], ["A", "B"]);
    expect(lr("grandparent", ["A", "C"], ["A", "B"])).toBeCloseTo(halfSibling, 12);
    expect(lr("aunt_uncle", ["A", "C"], ["A", "B"])).toBeCloseTo(halfSibling, 12);
  });

  it("is symmetric: swapping the two profiles of a sibling pair, or parent and child, changes nothing", () => {
    for (const theta of [0, 0.02, 0.05]) {
      const options = { theta, mutationRate: 0 };
      expect(lr("full_sibling", ["A", "B"], ["A", "C"], options)).toBeCloseTo(lr("full_sibling", ["A", "C"], ["A", "B"], options), 12);
      expect(lr("mother", ["A", "B"], ["B", "C"], options)).toBeCloseTo(lr("child", ["B", "C"], ["A", "B"], options), 12);
    }
  });

  it("lowers a match on a rare allele more the larger θ is", () => {
    const ratios = [0, 0.01, 0.02, 0.05, 0.1].map((theta) => lr("mother", ["A", "A"], ["A", "A"], { theta, mutationRate: 0 }));
    for (let i = 1; i < ratios.length; i += 1) expect(ratios[i]).toBeLessThan(ratios[i - 1] ?? 0);
    expect(ratios[0]).toBeCloseTo(10, 10);
    // Motherless paternity index with θ for a homozygous parent and child: (1 + 2θ) / (3θ + (1 − θ) p).
    expect(ratios[2]).toBeCloseTo(1.04 / (0.06 + 0.98 * 0.1), 10);
  });

  it("is conservative under θ for a full sibling match as well", () => {
    expect(lr("full_sibling", ["A", "B"], ["A", "B"], { theta: 0.02, mutationRate: 0 })).toBeLessThan(lr("full_sibling", ["A", "B"], ["A", "B"]));
  });

  it("takes the minimum frequency for an allele missing from the table, and renormalises the table (#21)", () => {
    expect(lr("mother", ["9.3", "9.3"], ["9.3", "9.3"])).toBeCloseTo(1001, 6);
  });
});

describe("a family typed together", () => {
  it("uses a distant relative beside the nuclear family, and says which side it assumed (#21)", () => {
    const result = computeKinship(table, { L: ["A", "B"] }, [
      { id: "mum", relationship: "mother", genotype: { L: ["A", "C"] } },
      { id: "cousin", relationship: "first_cousin", genotype: { L: ["B", "D"] } },
    ], { theta: 0, mutationRate: 0 });
    // The missing person's paternal gene is identical by descent with the cousin's gene from the
    // aunt or uncle with probability 1/4 (coancestry of the full-sibling parents).
    expect(result.lr).toBeCloseTo((1 / (4 * P.A)) * (0.75 + 0.25 * (0.5 / P.B)), 10);
    expect(result.usedReferences).toEqual(["mum", "cousin"]);
    expect(result.warnings).toEqual(["reference cousin (first_cousin): no side given, the paternal side was assumed"]);
  });

  it("sums over the untyped father and the child's untyped other parent: mother AB, child CC, missing BC → 1/(4 pB pC)", () => {
    const result = computeKinship(table, { L: ["B", "C"] }, [
      { id: "mum", relationship: "mother", genotype: { L: ["A", "B"] } },
      { id: "son", relationship: "child", genotype: { L: ["C", "C"] } },
    ], { theta: 0, mutationRate: 0 });
    expect(result.lr).toBeCloseTo(1 / (4 * P.B * P.C), 10);
  });

  it("counts a typed spouse beside a child: child AB, spouse BB, missing AC → 1/(2 pA) instead of 1/(4 pA)", () => {
    const child = { id: "son", relationship: "child" as const, genotype: { L: ["A", "B"] as Genotype } };
    const spouse = { id: "wife", relationship: "spouse" as const, genotype: { L: ["B", "B"] as Genotype } };
    const options = { theta: 0, mutationRate: 0 };
    expect(computeKinship(table, { L: ["A", "C"] }, [child], options).lr).toBeCloseTo(1 / (4 * P.A), 10);
    expect(computeKinship(table, { L: ["A", "C"] }, [child, spouse], options).lr).toBeCloseTo(1 / (2 * P.A), 10);
    expect(computeKinship(table, { L: ["A", "C"] }, [spouse], options)).toMatchObject({ lr: 1, loci: { L: 1 }, usedReferences: ["wife"] });
  });

  it("is not the product of the pairwise ratios", () => {
    const mother = { id: "m", relationship: "mother" as const, genotype: { L: ["A", "B"] as Genotype } };
    const sibling = { id: "s", relationship: "full_sibling" as const, genotype: { L: ["A", "B"] as Genotype } };
    const options = { theta: 0, mutationRate: 0 };
    const together = computeKinship(table, { L: ["A", "C"] }, [mother, sibling], options).lr;
    const product =
      computeKinship(table, { L: ["A", "C"] }, [mother], options).lr * computeKinship(table, { L: ["A", "C"] }, [sibling], options).lr;
    expect(together).not.toBeCloseTo(product, 3);
  });

  it("compares only the loci typed in the missing profile and in some reference", () => {
    const wide = new FrequencyTable({ L: P, M: P, N: P }, 0.001);
    const result = computeKinship(wide, { L: ["A", "A"], M: ["A", "B"] }, [
      { id: "m", relationship: "mother", genotype: { L: ["A", "A"], N: ["A", "A"] } },
    ], { theta: 0, mutationRate: 0 });
    expect(Object.keys(result.loci)).toEqual(["L"]);
    expect(result.log10Lr).toBeCloseTo(1, 10);
  });
});
