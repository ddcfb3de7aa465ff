import { writeFile } from "node:fs/promises";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { registryDvi } from "@/lib/kinship/dvi/registry";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { BENCH_DVI_SETTINGS, programme } from "./dvi-programme";

/**
 * `npx tsx --import ./scripts/support/register-server-only.mjs bench/dvi-snapshot.ts SEED OUT.json [BODIES FAMILIES SHARE]`:
 * every figure of the registry's DVI layer (rows, best pair's per-locus LRs, posteriors, runner-ups,
 * exclusions) for one seeded programme drawn as bench/dvi.ts draws it, written as JSON so that two
 * versions of the code can be compared figure by figure (bench/dvi-compare-snapshots.ts). Also prints
 * the layer's CPU time. DVI_SHARED_LIKELIHOODS=1 reads the likelihoods from the shared family vectors too.
 */
const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);

async function main() {
  const seed = Number(process.argv[2] ?? 1000);
  const out = process.argv[3] ?? `/tmp/dvi-snapshot-${seed}.json`;
  const [bodies, families, share] = [Number(process.argv[4] ?? 150), Number(process.argv[5] ?? 400), Number(process.argv[6] ?? 0.5)];
  const { remains, candidates } = programme(bodies, families, share, seed);
  const before = process.cpuUsage();
  const result = registryDvi(table, remains, candidates, {
    ...BENCH_DVI_SETTINGS,
    sharedLikelihoods: process.env.DVI_SHARED_LIKELIHOODS === "1",
  });
  const cpu = process.cpuUsage(before);
  console.log(`seed ${seed}: layer ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU`);
  await writeFile(out, JSON.stringify(result, (_, value) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : value)));
}

void main();
