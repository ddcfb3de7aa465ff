import { describe, expect, it } from "vitest";
import { registryDvi } from "@/lib/kinship/dvi/registry";
import { COMPARISONS_PER_UNIT_OF_THRESHOLD } from "@/lib/kinship/dvi/types";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import type { ScreenRemains } from "@/lib/kinship/screen";
import type { Genotype } from "@/lib/kinship/types";

const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
const loci = table.locusNames().slice(0, 4);
/** Each locus's alleles, most common first. */
const allelesOf = (locus: string) => [...table.allelesAt(locus)].sort((a, b) => b[1] - a[1]).map(([allele]) => allele);
const profileOf = (pick: (alleles: string[]) => Genotype) => Object.fromEntries(loci.map((locus) => [locus, pick(allelesOf(locus))]));

// A mother and her child sharing an allele at each of four loci: a modest but real ratio.
const mother = profileOf((alleles) => [alleles[4] ?? "", alleles[0] ?? ""]);
const child: ScreenRemains = { id: "child", profile: profileOf((alleles) => [alleles[4] ?? "", alleles[1] ?? ""]) };
// Strangers who share no allele with the mother at any of the four loci: excluded, never a runner-up.
const stranger = (index: number): ScreenRemains => ({ id: `stranger-${index}`, profile: profileOf((alleles) => [alleles[2] ?? "", alleles[3] ?? ""]) });
const candidates = [{ id: "missing", references: [{ id: "mother", relationship: "mother" as const, genotype: mother }] }];
const settings = { theta: 0, mutationRate: 0.002, notInDatabaseWeight: 1, floorLog10: 0 };

describe("the registry's lead threshold and the size of the search", () => {
  const alone = registryDvi(table, [child], candidates, { ...settings, threshold: 2 });
  const lr = alone.rows[0]?.best?.lr ?? 0;

  it("makes the child a lead against its mother when the search is small", () => {
    expect(lr).toBeGreaterThan(4);
    const asked = lr / 2;
    const small = registryDvi(table, [child], candidates, { ...settings, threshold: asked });
    expect(small.threshold).toBe(asked);
    expect(small.rows[0]?.isLead).toBe(true);
  });

  it("raises T to a tenth of the comparisons, so the same ratio among many bodies is no lead", () => {
    // Enough bodies that a tenth of the comparisons exceeds the child's ratio; every stranger is excluded.
    const count = Math.ceil(lr * COMPARISONS_PER_UNIT_OF_THRESHOLD) + 1;
    const bodies = [child, ...Array.from({ length: count - 1 }, (_, index) => stranger(index))];
    const large = registryDvi(table, bodies, candidates, { ...settings, threshold: lr / 2 });
    expect(large.comparisons).toBe(count);
    expect(large.threshold).toBe(Math.ceil(count / COMPARISONS_PER_UNIT_OF_THRESHOLD));
    const row = large.rows.find((entry) => entry.remainsId === "child");
    expect(row?.best?.lr).toBeCloseTo(lr, 9);
    expect(row?.bestIds).toEqual(["missing"]);
    expect(row?.isLead).toBe(false);
    // The strangers were excluded (no runner-up stands in the child's column): only T decided.
    expect(row?.columnRunnerUp).toBeNull();
  });
});
