import { appendFile, readFile } from "node:fs/promises";
import os from "node:os";
import { createRandom } from "@/lib/demo/random";
import { FrequencyTable, type Profile, type Reference, type Relationship } from "@/lib/kinship";
import { DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY } from "@/lib/kinship/demo-frequencies";
import { screenProfiles, type ScreenCandidate, type ScreenRemains } from "@/lib/kinship/screen";
import { ProfileSimulator } from "@/lib/kinship/simulate";

/**
 * `npm run bench:kinship [remains] [candidates] [--dry-run]`: screens simulated bodies against simulated
 * families on the 20-locus demo table and appends the timing to bench/RESULTS.md. One in ten
 * bodies is the missing person of one of the families; the rest are unrelated.
 */
const RESULTS = new URL("./RESULTS.md", import.meta.url);
const SECTION = "## Kinship screen (`npm run bench:kinship`)";
const RELATIONSHIPS: readonly Relationship[] = ["mother", "father", "full_sibling", "child", "half_sibling", "grandparent", "aunt_uncle", "first_cousin"];

const table = new FrequencyTable(DEMO_FREQUENCIES, DEMO_MIN_FREQUENCY);
const random = createRandom(20_261_126);
const simulator = new ProfileSimulator(table, random.next);

function relative(missing: Profile, relationship: Relationship): Profile {
  const parent = () => simulator.child(missing, simulator.founder());
  switch (relationship) {
    case "mother":
    case "father":
    case "child":
      return parent();
    case "full_sibling":
      return random.chance(0.5) ? parent() : simulator.child(parent(), parent());
    case "first_cousin":
      return simulator.child(simulator.child(parent(), simulator.founder()), simulator.founder());
    default:
      return simulator.child(parent(), simulator.founder());
  }
}

function build(remainsCount: number, candidateCount: number, referencesPerCandidate: number) {
  const remains: ScreenRemains[] = Array.from({ length: remainsCount }, (_, index) => ({ id: `B${index}`, profile: simulator.founder() }));
  const candidates: ScreenCandidate[] = Array.from({ length: candidateCount }, (_, index) => {
    const related = index % 10 === 0 ? remains[index % remainsCount] : undefined;
    const missing = related?.profile ?? simulator.founder();
    const references: Reference[] = Array.from({ length: referencesPerCandidate }, (__, position) => {
      const relationship = referencesPerCandidate === 1 ? random.pick(RELATIONSHIPS) : random.pick(["mother", "father", "full_sibling", "child"] as const);
      // Simplification for timing only: each relative is drawn independently of the others.
      return { id: `R${index}-${position}`, relationship, genotype: relative(missing, relationship) };
    });
    return { id: `P${index}`, references };
  });
  return { remains, candidates };
}

function measure(remainsCount: number, candidateCount: number, referencesPerCandidate: number) {
  const { remains, candidates } = build(remainsCount, candidateCount, referencesPerCandidate);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const rankings = screenProfiles(table, remains, candidates, {
    theta: 0.02,
    mutationRate: 0,
    minLikelihoodRatio: 10_000,
    minRatioToRunnerUp: 10_000,
    missingPersonCount: candidateCount,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const leads = rankings.filter((ranking) => ranking.isLead).length;
  return { remainsCount, candidateCount, referencesPerCandidate, seconds, cpuSeconds, leads };
}

function goal(run: { referencesPerCandidate: number; remainsCount: number; candidateCount: number; cpuSeconds: number }): string {
  if (run.referencesPerCandidate !== 1 || run.remainsCount < 10_000 || run.candidateCount < 10_000) return "";
  return run.cpuSeconds <= 10 ? "≤ 10 s: pass" : "≤ 10 s: **miss**";
}

async function main() {
  const [first, second] = process.argv.slice(2).filter((argument) => argument !== "--dry-run");
  const remainsCount = Number(first ?? 10_000);
  const candidateCount = Number(second ?? 10_000);
  const runs = [measure(remainsCount, candidateCount, 1), measure(Math.min(remainsCount, 1_000), Math.min(candidateCount, 1_000), 3)];
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const lines = [
    "",
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${cpu}, Node ${process.version}, one core`,
    "",
    `Load average at the start: ${os.loadavg().map((load) => load.toFixed(1)).join(" / ")} on ${os.cpus().length} CPUs.`,
    "",
    "| bodies | families | typed references each | loci | CPU time | wall time | leads | goal (CPU time) |",
    "|---|---|---|---|---|---|---|---|",
    ...runs.map((run) => `| ${run.remainsCount} | ${run.candidateCount} | ${run.referencesPerCandidate} | ${table.locusNames().length} | ${run.cpuSeconds.toFixed(2)} s | ${run.seconds.toFixed(2)} s | ${run.leads} | ${goal(run)} |`),
    "",
  ];
  console.log(lines.join("\n"));
  if (process.argv.includes("--dry-run")) return;
  const current = await readFile(RESULTS, "utf8");
  const heading = current.includes(SECTION)
    ? []
    : ["", SECTION, "", "Screens simulated bodies against simulated families (20 loci of the synthetic demo table, θ = 0.02, no", "mutation); one body in ten belongs to one of the families. Times are the screen alone, data generation", "excluded; CPU time (user + system of this single-threaded process) is the figure to judge, since the", "machines are shared and wall time grows with their load."];
  await appendFile(RESULTS, [...heading, ...lines].join("\n"));
}

void main();
