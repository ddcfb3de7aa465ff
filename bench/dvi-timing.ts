import os from "node:os";
import { registryDvi } from "@/lib/kinship/dvi/registry";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { BENCH_DVI_SETTINGS, programme } from "./dvi-programme";

/**
 * `npx tsx --import ./scripts/support/register-server-only.mjs bench/dvi-timing.ts [SEEDS…]`: CPU
 * time of the registry's DVI layer alone at Tarhuna scale (150 × 400, seeds drawn as bench/dvi.ts
 * draws them), each seed run in turn in one process, the first seed again at the end (warm), with
 * the load average before and after. DVI_SHARED_MIN overrides the shared-locus threshold, DVI_SHARED_LIKELIHOODS=1 shares the likelihoods too.
 */
const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
const seeds = process.argv.slice(2).map(Number);
const list = seeds.length > 0 ? seeds : [1000, 1001, 1002];
const shared = process.env.DVI_SHARED_MIN === undefined ? undefined : Number(process.env.DVI_SHARED_MIN);
console.log(`load before: ${os.loadavg().map((value) => value.toFixed(2)).join(" / ")}`);
for (const seed of [...list, list[0] ?? 1000]) {
  const { remains, candidates } = programme(150, 400, 0.5, seed);
  const before = process.cpuUsage();
  const started = performance.now();
  const result = registryDvi(table, remains, candidates, {
    ...BENCH_DVI_SETTINGS,
    ...(shared === undefined ? {} : { sharedLocusMinimumGenotypes: shared }),
    sharedLikelihoods: process.env.DVI_SHARED_LIKELIHOODS === "1",
  });
  const cpu = process.cpuUsage(before);
  console.log(`seed ${seed}: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${((performance.now() - started) / 1000).toFixed(2)} s wall, leads ${result.rows.filter((row) => row.isLead).length}`);
}
console.log(`load after: ${os.loadavg().map((value) => value.toFixed(2)).join(" / ")}`);
