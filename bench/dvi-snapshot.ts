import { writeFile } from "node:fs/promises";
import { mulberry32 } from "@/lib/demo/random";
import { DVI_REFERENCE_CONFIGURATIONS } from "./dvi-configurations";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { dropGenes } from "@/lib/kinship/dvi/sampling-advice";
import { registryDvi } from "@/lib/kinship/dvi/registry";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { legacyPedigree, LEGACY_MISSING_ID } from "@/lib/kinship/pedigree/legacy-form";
import type { ScreenCandidate, ScreenRemains } from "@/lib/kinship/screen";
import type { Profile } from "@/lib/kinship/types";

/**
 * `npx tsx --import ./scripts/support/register-server-only.mjs bench/dvi-snapshot.ts SEED OUT.json [BODIES FAMILIES SHARE]`:
 * every figure of the registry's DVI layer (rows, best pair's per-locus LRs, posteriors, runner-ups,
 * exclusions) for one seeded programme drawn as bench/dvi.ts draws it, written as JSON so that two
 * versions of the code can be compared figure by figure (bench/dvi-compare-snapshots.ts). Also prints
 * the layer's CPU time. DVI_SHARED_LIKELIHOODS=1 reads the likelihoods from the shared family vectors too.
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

async function main() {
  const seed = Number(process.argv[2] ?? 1000);
  const out = process.argv[3] ?? `/tmp/dvi-snapshot-${seed}.json`;
  const [bodies, families, share] = [Number(process.argv[4] ?? 150), Number(process.argv[5] ?? 400), Number(process.argv[6] ?? 0.5)];
  const { remains, candidates } = programme(bodies, families, share, seed);
  const before = process.cpuUsage();
  const result = registryDvi(table, remains, candidates, {
    theta: 0.02,
    mutationRate: 0.002,
    threshold: 10_000,
    notInDatabaseWeight: 1,
    floorLog10: 0,
    sharedLikelihoods: process.env.DVI_SHARED_LIKELIHOODS === "1",
  });
  const cpu = process.cpuUsage(before);
  console.log(`seed ${seed}: layer ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`);
  await writeFile(out, JSON.stringify(result, (_, value) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : value)));
}

if (process.argv[1]?.endsWith("dvi-snapshot.ts")) void main();
