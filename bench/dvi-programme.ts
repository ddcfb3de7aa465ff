import { mulberry32 } from "@/lib/demo/random";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { dropGenes } from "@/lib/kinship/dvi/sampling-advice";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { legacyPedigree, LEGACY_MISSING_ID } from "@/lib/kinship/pedigree/legacy-form";
import type { ScreenCandidate, ScreenRemains } from "@/lib/kinship/screen";
import type { Profile } from "@/lib/kinship/types";
import { DVI_REFERENCE_CONFIGURATIONS } from "./dvi-configurations";

/**
 * The DVI benches' simulated programme without its answers (bench/dvi.ts draws the same, keeping
 * which body belongs to which family): each family a reference configuration drawn through its own
 * pedigree, the missing person's body among the bodies with the given share, the rest strangers.
 */
const CONFIGURATIONS = DVI_REFERENCE_CONFIGURATIONS.map((configuration) => configuration.references);
const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
const frequencies = Object.fromEntries(table.locusNames().map((locus) => [locus, Object.fromEntries(table.allelesAt(locus))]));

export function programme(bodyCount: number, familyCount: number, share: number, seed: number) {
  const next = mulberry32(seed);
  const candidates: ScreenCandidate[] = [];
  const remains: ScreenRemains[] = [];
  for (let index = 0; index < familyCount; index += 1) {
    const configuration = CONFIGURATIONS[Math.floor(next() * CONFIGURATIONS.length)] ?? [];
    const references = configuration.map((reference, position) => ({ id: `F${index}-R${position}`, ...reference, genotype: {} }));
    const drawn = dropGenes({ id: `F${index}`, persons: legacyPedigree(references).persons, missing: [LEGACY_MISSING_ID], profiles: {} }, frequencies, DEMO_MIN_FREQUENCY, next);
    candidates.push({ id: `F${index}`, references: references.map((reference) => ({ ...reference, genotype: drawn.persons.get(reference.id) as Profile })) });
    if (remains.length < bodyCount * share && next() < (bodyCount * share) / familyCount + 1e-9) remains.push({ id: `B${remains.length}`, profile: drawn.persons.get(LEGACY_MISSING_ID) as Profile });
  }
  while (remains.length < bodyCount) {
    const stranger = dropGenes({ id: "X", persons: [{ id: "X", sex: "male" }], missing: [], profiles: {} }, frequencies, DEMO_MIN_FREQUENCY, next);
    remains.push({ id: `B${remains.length}`, profile: stranger.persons.get("X") as Profile });
  }
  return { remains, candidates };
}

/** The layer's settings in every DVI bench (bench/dvi.ts states them: θ, mutation, T, w, the floor). */
export const BENCH_DVI_SETTINGS = { theta: 0.02, mutationRate: 0.002, threshold: 10_000, notInDatabaseWeight: 1, floorLog10: 0 } as const;
