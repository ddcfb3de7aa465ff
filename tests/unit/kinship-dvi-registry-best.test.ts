import { describe, expect, it } from "vitest";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { registryDvi } from "@/lib/kinship/dvi/registry";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { computeKinship } from "@/lib/kinship/likelihood";
import type { ScreenCandidate, ScreenRemains } from "@/lib/kinship/screen";
import type { Profile } from "@/lib/kinship/types";

/**
 * registryDvi keeps only each pair's LR and inconsistent loci while it computes every pair, and makes
 * the full result (per-locus LRs, warnings) again for each row's best pair. Two bodies above the
 * floor for one family, each its best: each row must show its own body's result, the one
 * computeKinship gives, bit for bit.
 */
const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
const SETTINGS = { theta: 0.02, mutationRate: 0.002 };

describe("the registry's best pair per row", () => {
  it("is each body's own full result", () => {
    const mother: Profile = { CSF1PO: ["9", "11"], D1S1656: ["12", "14"], D2S441: ["10", "11"] };
    const candidates: ScreenCandidate[] = [{ id: "F1", references: [{ id: "M", relationship: "mother", genotype: mother }] }];
    const remains: ScreenRemains[] = [
      { id: "B0", profile: { CSF1PO: ["9", "10"], D1S1656: ["12", "13"], D2S441: ["10", "10"] } },
      { id: "B1", profile: { CSF1PO: ["11", "12"], D1S1656: ["14", "15"], D2S441: ["11", "13"] } },
    ];
    const { rows } = registryDvi(table, remains, candidates, { ...SETTINGS, threshold: 1e4, notInDatabaseWeight: 1, floorLog10: 0 });
    for (const body of remains) {
      const row = rows.find((candidate) => candidate.remainsId === body.id);
      const own = computeKinship(table, body.profile, candidates[0]?.references ?? [], SETTINGS);
      expect(row?.bestIds, body.id).toEqual(["F1"]);
      expect(row?.best?.loci, body.id).toEqual(own.loci);
      expect(Object.is(row?.best?.lr, own.lr), body.id).toBe(true);
      expect(row?.best?.warnings, body.id).toEqual(own.warnings);
      expect(row?.best?.inconsistentLoci, body.id).toEqual(own.inconsistentLoci);
    }
  });
});
