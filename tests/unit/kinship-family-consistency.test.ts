import { describe, expect, it } from "vitest";
import { familyConsistency } from "@/lib/kinship/family-consistency";
import type { Reference } from "@/lib/kinship/types";

const reference = (id: string, relationship: Reference["relationship"], genotype: Reference["genotype"], side?: Reference["side"]): Reference => ({
  id,
  relationship,
  genotype,
  ...(side ? { side } : {}),
});

describe("a reference family checked against itself, whoever the missing person is (#21)", () => {
  it("finds nothing wrong in a mother and a full sibling who share an allele", () => {
    const verdict = familyConsistency([reference("mo", "mother", { TH01: ["6", "7"] }), reference("sib", "full_sibling", { TH01: ["7", "9"] })]);
    expect(verdict).toEqual({ placementProblem: null, inconsistentLoci: [] });
  });

  it("names the locus and the pair who contradict each other, not the relatives who agree", () => {
    const verdict = familyConsistency([
      reference("mo", "mother", { TH01: ["6", "6"], D8S1179: ["12", "13"] }),
      reference("sib", "full_sibling", { TH01: ["7", "9"], D8S1179: ["13", "14"] }),
      reference("gm", "grandparent", { TH01: ["6", "8"] }, "maternal"),
    ]);
    expect(verdict.placementProblem).toBeNull();
    expect(verdict.inconsistentLoci).toEqual([{ locus: "TH01", relatives: [["mo", "sib"]] }]);
  });

  it("judges a grandparent through the side recorded: a maternal grandmother must share an allele with the mother", () => {
    const family = (side: "maternal" | "paternal") => [reference("mo", "mother", { TH01: ["6", "6"] }), reference("gm", "grandparent", { TH01: ["8", "9"] }, side)];
    expect(familyConsistency(family("maternal")).inconsistentLoci).toEqual([{ locus: "TH01", relatives: [["mo", "gm"]] }]);
    expect(familyConsistency(family("paternal")).inconsistentLoci).toEqual([]);
  });

  it("says why a family cannot be placed in one pedigree", () => {
    const verdict = familyConsistency([reference("a", "mother", { TH01: ["6", "7"] }), reference("b", "mother", { TH01: ["6", "7"] })]);
    expect(verdict.placementProblem).toMatch(/both the missing person's mother/);
    expect(verdict.inconsistentLoci).toEqual([]);
  });
});
