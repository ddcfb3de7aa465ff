import { writeFile } from "node:fs/promises";
import { solveJoint } from "@/lib/kinship/dvi/joint";
import type { DviPair } from "@/lib/kinship/dvi/types";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import { screenCandidatePairs } from "@/lib/kinship/screen";
import { programme } from "./dvi-programme";

/**
 * `npx tsx --import ./scripts/support/register-server-only.mjs bench/dvi-joint-proxy.ts [BODIES FAMILIES] [OUT.json]`:
 * the DVI layer's joint solver at national scale (10,000 × 10,000, 10 % of bodies with a family,
 * seed 1000) on every pair above the screen's floor, each pair's screen LR standing in for its exact
 * LR (which takes minutes to compute for 1.4 M pairs): the same pairs and components as the layer's,
 * not the same LRs, so a measure of the solver's cost, not of its answer. Prints its CPU time and the
 * pairs set aside; OUT.json receives what it returned, to compare two versions of the solver.
 */
const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
const cpuSeconds = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

async function main() {
  const numbers = process.argv.slice(2).filter((argument) => /^\d+$/.test(argument));
  const out = process.argv.slice(2).find((argument) => argument.endsWith(".json"));
  const [bodies, families] = [Number(numbers[0] ?? 10_000), Number(numbers[1] ?? 10_000)];
  const { remains, candidates } = programme(bodies, families, 0.1, 1000);
  let started = cpuSeconds();
  const { pairs, belowFloor } = screenCandidatePairs(table, remains, candidates, { theta: 0.02, mutationRate: 0.002 }, 0, 3);
  console.log(`screen: ${(cpuSeconds() - started).toFixed(1)} s CPU, ${pairs.length} pairs above the floor`);
  // As registry.ts: pairs below w = 1 folded into the body's weight of "not in the database".
  const w = 1;
  const folded = new Map<string, number>();
  const jointPairs: DviPair[] = [];
  for (const pair of pairs) {
    const lr = 10 ** pair.log10Lr;
    const key = pair.candidateIds[0] ?? "";
    if (lr < w) folded.set(pair.remainsId, (folded.get(pair.remainsId) ?? 0) + lr);
    else jointPairs.push({ body: pair.remainsId, family: key, missing: "MP", key, lr, log10Lr: pair.log10Lr, inconsistentLoci: [], sexMismatch: false, excluded: false });
  }
  started = cpuSeconds();
  const joint = solveJoint({
    bodies: remains.map((body) => body.id),
    pairs: jointPairs,
    familyJointLog10: () => -Infinity,
    log10NotInDatabase: Math.log10(w),
    log10NotInDatabaseOf: new Map(remains.map((body) => [body.id, Math.log10(w + (belowFloor.get(body.id)?.lrSum ?? 0) + (folded.get(body.id) ?? 0))])),
    searchLimit: 20_000,
  });
  console.log(`joint: ${jointPairs.length} pairs, ${(cpuSeconds() - started).toFixed(1)} s CPU, ${joint.setAside.length} set aside, error factor 10^${Math.log10(joint.errorFactor).toFixed(0)}`);
  if (out) {
    await writeFile(
      out,
      JSON.stringify({
        setAside: joint.setAside.map((pair) => `${pair.body}:${pair.key}`),
        errorFactor: joint.errorFactor,
        best: [...joint.best],
        probabilities: [...joint.probabilities].map(([body, map]) => [body, [...map]]),
      }),
    );
  }
}

void main();
