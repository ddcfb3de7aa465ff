import { describe, expect, it } from "vitest";
import { computeKinship, FrequencyTable, type Genotype, type Reference, type Relationship } from "@/lib/kinship";

const NO_THETA = { theta: 0, mutationRate: 0 };

function table(frequencies: Record<string, number>): FrequencyTable {
  return new FrequencyTable({ L: frequencies }, 0.001);
}

function reference(relationship: Relationship, genotype: Genotype, id: string = relationship): Reference {
  return { id, relationship, genotype: { L: genotype } };
}

function ratio(frequencies: Record<string, number>, missing: Genotype, references: Reference[], options = NO_THETA) {
  return computeKinship(table(frequencies), { L: missing }, references, options);
}

describe("published worked values (issue #13)", () => {
  it("gives 1/p for a homozygous mother and missing person: 20 at p = 0.05, 10 at p = 0.10", () => {
    expect(ratio({ A: 0.05, B: 0.95 }, ["A", "A"], [reference("mother", ["A", "A"])]).lr).toBeCloseTo(20, 10);
    expect(ratio({ A: 0.1, B: 0.9 }, ["A", "A"], [reference("mother", ["A", "A"])]).lr).toBeCloseTo(10, 10);
  });

  it("gives 25 and 0.308642 for a 1/1 and a 2/2 child of two 1/2 parents", () => {
    const parents = [reference("mother", ["1", "2"]), reference("father", ["1", "2"])];
    const frequencies = { "1": 0.1, "2": 0.9 };
    expect(ratio(frequencies, ["1", "1"], parents).lr).toBeCloseTo(25, 8);
    expect(ratio(frequencies, ["2", "2"], parents).lr).toBeCloseTo(0.308642, 6);
  });

  it("gives 9.0 for a homozygous full sibling sharing the genotype at p = 0.2", () => {
    expect(ratio({ A: 0.2, B: 0.8 }, ["A", "A"], [reference("full_sibling", ["A", "A"])]).lr).toBeCloseTo(9, 10);
  });

  it("excludes a father who shares no allele unless mutation is allowed, and lists the locus", () => {
    const frequencies = { A: 0.1, B: 0.2, C: 0.7 };
    const father = [reference("father", ["A", "A"])];
    const strict = ratio(frequencies, ["B", "C"], father);
    expect(strict.lr).toBe(0);
    expect(strict.inconsistentLoci).toEqual(["L"]);
    const withMutation = ratio(frequencies, ["B", "C"], father, { theta: 0, mutationRate: 0.002 });
    expect(withMutation.lr).toBeGreaterThan(0);
    expect(withMutation.lr).toBeLessThan(0.01);
    expect(withMutation.inconsistentLoci).toEqual(["L"]);
  });
});
