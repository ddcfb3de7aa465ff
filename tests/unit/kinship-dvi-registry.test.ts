import { describe, expect, it } from "vitest";
import { generateDemoDataset } from "@/lib/demo/generate";
import { registryDvi } from "@/lib/kinship/dvi/registry";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import type { ScreenCandidate, ScreenRemains } from "@/lib/kinship/screen";
import type { Genotype, Reference, Relationship } from "@/lib/kinship/types";

/** The demo's bodies and reference sets, read from the generated rows as the screen reads them from the database. */
function demoInput() {
  const dataset = generateDemoDataset("hash");
  const samples = new Map(dataset.dnaSamples.map((sample) => [sample.id, sample]));
  const bodies = new Map<string, Record<string, Genotype>>();
  const donors = new Map<string, Record<string, Genotype>>();
  for (const row of dataset.strProfiles) {
    const sample = samples.get(row.sampleId);
    if (!sample || sample.voidedAt) continue;
    const [target, owner] = sample.remainsId ? [bodies, sample.remainsId] : [donors, sample.donorId ?? ""];
    const profile = target.get(owner) ?? {};
    profile[row.locus] ??= [row.allele1, row.allele2];
    target.set(owner, profile);
  }
  const words: Record<string, Relationship> = { maternal_half_sibling: "half_sibling", paternal_half_sibling: "half_sibling", cousin: "first_cousin" };
  const sides: Record<string, "maternal" | "paternal"> = { maternal_half_sibling: "maternal", paternal_half_sibling: "paternal" };
  const candidates = new Map<string, Reference[]>();
  for (const link of dataset.donorRelationships) {
    const genotype = donors.get(link.donorId);
    if (!genotype) continue;
    const side = sides[link.relationship];
    const list = candidates.get(link.missingPersonId) ?? [];
    list.push({ id: link.donorId, relationship: words[link.relationship] ?? (link.relationship as Relationship), ...(side ? { side } : {}), genotype });
    candidates.set(link.missingPersonId, list);
  }
  const remains: ScreenRemains[] = [...bodies].map(([id, profile]) => ({ id, profile }));
  const screenCandidates: ScreenCandidate[] = [...candidates].map(([id, references]) => ({ id, references }));
  return { dataset, remains, candidates: screenCandidates };
}

describe("the DVI layer over the registry's demo data", { timeout: 120_000 }, () => {
  const { dataset, remains, candidates } = demoInput();
  const weight = dataset.missingPersons.length - candidates.length;
  const { rows, setAside } = registryDvi(new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY), remains, candidates, {
    theta: 0.02,
    mutationRate: 0.002,
    threshold: 1e4,
    notInDatabaseWeight: weight,
    floorLog10: 0,
  });

  it("makes every DNA identification of the story an undisputed lead with a posterior above 0.5", () => {
    const byDna = dataset.identifications.filter((row) => row.basis.includes("dna") && row.status !== "rejected");
    expect(byDna.length).toBeGreaterThanOrEqual(4);
    for (const identification of byDna) {
      const row = rows.find((candidate) => candidate.remainsId === identification.remainsId);
      expect(row?.isLead, identification.remainsId).toBe(true);
      expect(row?.bestIds).toContain(identification.missingPersonId);
      expect(row?.probability ?? 0).toBeGreaterThan(0.5);
      expect(row?.best?.inconsistentLoci).toEqual([]);
    }
  });

  it("sums the joint model exactly: nothing set aside", () => {
    expect(setAside).toBe(0);
  });

  it("raises no lead for the body DNA ruled out, and leads for fewer than half the bodies", () => {
    const rejected = dataset.identifications.find((row) => row.status === "rejected");
    expect(rows.find((row) => row.remainsId === rejected?.remainsId)?.isLead ?? false).toBe(false);
    expect(rows.filter((row) => row.isLead).length).toBeLessThan(rows.length / 2);
  });

  it("gives each body probabilities that, with 'not in the database', never exceed 1, and accounts for every candidate", () => {
    for (const row of rows) {
      expect((row.probability ?? 0) + row.notInDatabase).toBeLessThanOrEqual(1 + 1e-9);
    }
    // Most unrelated pairs fail at 3 or more loci: excluded, not a small LR.
    expect(rows.reduce((sum, row) => sum + row.excluded, 0)).toBeGreaterThan((rows.length * candidates.length) / 2);
    expect(rows.every((row) => row.belowFloor.count + row.excluded <= candidates.length)).toBe(true);
  });
});
