import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { SHARED_LOCUS_MINIMUM_GENOTYPES } from "@/lib/kinship/dvi/registry";
import { prepareKinship, shareBetweenFamilies } from "@/lib/kinship/likelihood";
import { screenCandidatePairs } from "@/lib/kinship/screen";
import type { Profile } from "@/lib/kinship/types";
import { programme } from "./dvi-programme";

/**
 * `npx tsx --import ./scripts/support/register-server-only.mjs bench/dvi-national-parts.ts [BODIES FAMILIES SAMPLED] [--shared-likelihoods] [--not-between-families]`:
 * the DVI layer at national scale (10,000 × 10,000, 10 % of bodies with a family) measured in parts,
 * for when the whole layer cannot finish (bench/RESULTS.md, "DVI decision layer", 2026-12-07): the
 * screen of every pair (CPU), then the exact recomputation of every above-floor pair of a sample of
 * families (CPU per pair, with the per-family cache the layer uses), extrapolated to all pairs. The
 * programme is drawn as bench/dvi.ts draws it (seed 1000). SAMPLED 0: every family (no extrapolation;
 * the likelihoods shared between families, as the layer shares them, are then all found).
 * --not-between-families: each family computed on its own (the code before 2026-12-07 08:00).
 */
const SETTINGS = { theta: 0.02, mutationRate: 0.002 };
const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);

const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

const numbers = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
const [bodies, families, sampled] = [Number(numbers[0] ?? 10_000), Number(numbers[1] ?? 10_000), Number(numbers[2] ?? 40)];
const { remains, candidates } = programme(bodies, families, 0.1, 1000);
let started = cpuSeconds();
const { pairs } = screenCandidatePairs(table, remains, candidates, SETTINGS, 0, 3);
console.log(`screen: ${(cpuSeconds() - started).toFixed(1)} s CPU, ${pairs.length} pairs above the floor of ${bodies * families}`);
const byFamily = new Map<string, string[]>();
for (const pair of pairs) {
  const id = pair.candidateIds[0] ?? "";
  const list = byFamily.get(id);
  if (list) list.push(pair.remainsId);
  else byFamily.set(id, [pair.remainsId]);
}
const every = sampled === 0 ? 1 : Math.max(1, Math.floor(byFamily.size / sampled));
const betweenFamilies = process.argv.includes("--not-between-families") ? undefined : shareBetweenFamilies(table, SETTINGS);
const sample = [...byFamily.keys()].filter((_, index) => index % every === 0);
const profiles = new Map(remains.map((body) => [body.id, body.profile]));
const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
started = cpuSeconds();
let done = 0;
for (const id of sample) {
  // As the layer does: the family's candidate bodies announced, so that a locus they show enough genotypes at is computed once for all.
  const expected = { profiles: (byFamily.get(id) ?? []).map((body) => profiles.get(body) as Profile), minimumGenotypes: SHARED_LOCUS_MINIMUM_GENOTYPES, likelihoods: process.argv.includes("--shared-likelihoods") };
  const compute = prepareKinship(table, byId.get(id)?.references ?? [], SETTINGS, undefined, expected, betweenFamilies);
  for (const body of byFamily.get(id) ?? []) {
    compute(profiles.get(body) as Profile);
    done += 1;
  }
}
const perPair = (cpuSeconds() - started) / done;
console.log(`exact: ${done} pairs of ${sample.length} families in ${(cpuSeconds() - started).toFixed(1)} s CPU, ${(perPair * 1e3).toFixed(2)} ms a pair; all ${pairs.length} pairs ≈ ${(perPair * pairs.length).toFixed(0)} s CPU (extrapolated)`);
