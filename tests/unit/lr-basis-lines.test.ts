import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { lrBasisLines } from "@/lib/identifications/lr-basis-lines";
import type { LikelihoodRatioBasis } from "@/lib/kinship/lr-basis";
import ar from "@/lib/i18n/messages/ar";
import en from "@/lib/i18n/messages/en";

const translators = (locale: "ar" | "en") => {
  const messages = locale === "ar" ? ar : en;
  return { identifications: createTranslator({ locale, messages, namespace: "Identifications" }) as never, people: createTranslator({ locale, messages, namespace: "People" }) as never };
};

const basis: LikelihoodRatioBasis = {
  log10Lr: 9.08,
  theta: 0.02,
  mutation: { model: "proportional", rate: 0.002 },
  frequencyTable: { id: "t1", name: "Libya 2024", sha256: "ab".repeat(32) },
  relatives: [
    { donorId: "d1", relationship: "mother", side: null, sideAssumed: false },
    { donorId: "d2", relationship: "grandparent", side: null, sideAssumed: true },
    { donorId: "d3", relationship: "aunt_uncle", side: "maternal", sideAssumed: false },
  ],
  lociCompared: 20,
  familyProblem: null,
  warnings: [],
};

describe("what a likelihood ratio on screen rests on (#21)", () => {
  it("states the ratio, θ, the mutation model and rate, the table with its hash and every relative, an assumed side named", () => {
    const text = lrBasisLines(basis, translators("en")).join("\n");
    expect(text).toContain("1.2 × 10⁹");
    expect(text).toContain("θ = 0.02 · μ = 0.002");
    expect(text).toContain("proportional");
    expect(text).toContain(`Libya 2024 (SHA-256 ${"ab".repeat(32)})`);
    expect(text).toMatch(/Mother.*Grandparent \(side not recorded: father's side assumed\).*Aunt or uncle \(mother's side\)/);
  });

  it("says why there is no ratio when the family contradicts itself, in Arabic as well", () => {
    const lines = lrBasisLines({ ...basis, log10Lr: null, familyProblem: "the relatives contradict one another at TH01" }, translators("ar"));
    expect(lines.join("\n")).toContain("TH01");
    expect(lines.join("\n")).toContain("θ = 0.02");
  });
});
