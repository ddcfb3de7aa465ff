import { describe, expect, it } from "vitest";
import { computeKinship, FrequencyTable, type Genotype, type Reference } from "@/lib/kinship";
import { pedigreeLikelihoodRatio, type PedigreePerson } from "@/lib/kinship/pedigree";

/**
 * The relationship labels placed as the pedigree a person would draw by hand: the LR through the
 * labels equals the LR of that explicit pedigree (issue #21: nothing dropped, sides respected).
 */
const P = { "10": 0.2, "11": 0.3, "12": 0.5 };
const table = new FrequencyTable({ L: P }, 0.001);
const options = { theta: 0.02, mutationRate: 0.002 };
const ref = (id: string, relationship: Reference["relationship"], genotype: Genotype, side?: "maternal" | "paternal"): Reference => ({
  id,
  relationship,
  ...(side ? { side } : {}),
  genotype: { L: genotype },
});
const person = (id: string, sex: "male" | "female", father?: string, mother?: string): PedigreePerson => ({ id, sex, father, mother });

function explicit(persons: PedigreePerson[], profiles: Record<string, Genotype>) {
  return pedigreeLikelihoodRatio(
    { persons, missing: "MP", profiles: Object.fromEntries(Object.entries(profiles).map(([id, genotype]) => [id, { L: genotype }])) },
    { L: P },
    { theta: 0.02, mutation: { model: "proportional", femaleRate: 0.002, maleRate: 0.002 }, minFrequency: 0.001 },
  ).lr;
}

describe("relationship labels as a pedigree", () => {
  it("places father, child and wife", () => {
    const labels = computeKinship(table, { L: ["10", "11"] }, [ref("FA", "father", ["11", "12"]), ref("CH", "child", ["10", "12"]), ref("W", "spouse", ["12", "12"])], options).lr;
    const drawn = explicit([person("FA", "male"), person("MP", "male", "FA"), person("W", "female"), person("CH", "female", "MP", "W")], {
      MP: ["10", "11"], FA: ["11", "12"], CH: ["10", "12"], W: ["12", "12"],
    });
    expect(labels).toBeCloseTo(drawn, 12);
  });

  it("places a maternal and a paternal half sibling on their sides", () => {
    const labels = computeKinship(table, { L: ["10", "11"] }, [ref("H1", "half_sibling", ["10", "12"], "paternal"), ref("H2", "half_sibling", ["11", "11"], "maternal")], options).lr;
    const drawn = explicit(
      [person("FA", "male"), person("MO", "female"), person("MP", "male", "FA", "MO"), person("X", "female"), person("Y", "male"), person("H1", "female", "FA", "X"), person("H2", "female", "Y", "MO")],
      { MP: ["10", "11"], H1: ["10", "12"], H2: ["11", "11"] },
    );
    expect(labels).toBeCloseTo(drawn, 12);
  });

  it("places the mother, a paternal grandparent and a paternal aunt together", () => {
    const references = [ref("MO", "mother", ["11", "12"]), ref("GP", "grandparent", ["10", "10"], "paternal"), ref("AU", "aunt_uncle", ["10", "12"], "paternal")];
    const drawn = explicit(
      [person("GP", "male"), person("GM", "female"), person("FA", "male", "GP", "GM"), person("AU", "female", "GP", "GM"), person("MO", "female"), person("MP", "male", "FA", "MO")],
      { MP: ["10", "11"], MO: ["11", "12"], GP: ["10", "10"], AU: ["10", "12"] },
    );
    expect(computeKinship(table, { L: ["10", "11"] }, references, options).lr).toBeCloseTo(drawn, 12);
    expect(computeKinship(table, { L: ["10", "11"] }, [...references].reverse(), options).lr).toBeCloseTo(drawn, 12);
  });

  it("refuses a second mother instead of ignoring one", () => {
    const result = computeKinship(table, { L: ["10", "11"] }, [ref("M1", "mother", ["11", "12"]), ref("M2", "mother", ["10", "10"])], options);
    expect(result.lr).toBeNaN();
    expect(result.placementProblem).toMatch(/M1 and M2 are both the missing person's mother/);
  });
});
