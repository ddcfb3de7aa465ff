import { eq, sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { classifyRows } from "@/lib/import/classify";
import { commitImport } from "@/lib/import/commit";
import { claimImportRun } from "@/lib/import/import-lock";
import { parseSheet } from "@/lib/import/parse-file";
import { parseInWorker } from "@/lib/import/parse-in-worker";
import { DEFAULT_READ_OPTIONS } from "@/lib/import/read-options";
import { withRememberedValues } from "@/lib/import/remembered-values";
import { runImport } from "@/lib/import/run-import";
import { createRandom } from "@/lib/demo/random";
import { FAMILY_NAMES, MALE_GIVEN_NAMES } from "@/lib/demo/names";
import { cpuSince, databaseProcesses, readCpu, type CpuReading } from "./measures/cpu";
import { loadNow } from "./measures/timing";

/**
 * `DATABASE_URL=… npm run bench:import-phases [-- --runs=5]`: where the time of the template-shaped
 * 5,000-row import goes, phase by phase, into a database generated beforehand
 * (`DATABASE_URL=… npm run bench:generate -- --scale=M`). Each phase is timed on its own, in the
 * order runImport takes them, then the whole runImport for comparison: wall time, and CPU time of
 * this process, of the reading process and of the PostgreSQL server (bench/measures/cpu.ts) —
 * on a shared machine the CPU is the figure to compare. Prints; writes nothing.
 */
const option = (name: string) => process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
const RUNS = Number(option("runs") ?? 5);
const ROWS = 5_000;

const fullName = (random: ReturnType<typeof createRandom>) =>
  `${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(FAMILY_NAMES).ar}`;

function templateCsv(base: number): Uint8Array {
  const random = createRandom(base);
  const lines = [["رقم البلاغ", "مركز الشرطة", "تاريخ البلاغ", "اسم المبلغ", "صلة المبلغ", "نوع البلاغ", "الوقائع"].join(",")];
  for (let index = 0; index < ROWS; index += 1) {
    const filedOn = `20${random.int(19, 22)}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
    lines.push([`${base + index}/2020`, "مركز شرطة ترهونة", filedOn, fullName(random), "أخ", random.chance(0.3) ? "killing" : "disappearance", "بلاغ اصطناعي للقياس"].join(","));
  }
  return new TextEncoder().encode(lines.join("\n") + "\n");
}

interface Mark {
  wall: number[];
  cpu: CpuReading[];
}

/** A reaped child's CPU reaches /proc/self/stat only once the child is reaped, shortly after it answered. */
const REAP_MILLISECONDS = 100;

async function time<Result>(marks: Record<string, Mark>, databasePids: readonly number[], name: string, work: () => Promise<Result>): Promise<Result> {
  const cpuBefore = readCpu(databasePids);
  const started = performance.now();
  const result = await work();
  const wall = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, REAP_MILLISECONDS));
  const mark = (marks[name] ??= { wall: [], cpu: [] });
  mark.wall.push(wall);
  mark.cpu.push(cpuSince(cpuBefore, databasePids));
  return result;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL names the generated database");
  const connections = 4;
  const handle = await openDatabase({ kind: "postgres", url }, { maxConnections: connections });
  const marks: Record<string, Mark> = {};
  try {
    const [admin] = await handle.db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
    if (!admin) throw new Error("the demo admin account is missing");
    const actor = { actorId: admin.id, actorLabel: "bench" };
    // Every connection of the pool opened now, so that the server processes measured stay the same.
    await Promise.all(Array.from({ length: connections }, () => handle.db.execute(sql`select pg_sleep(0.1)`)));
    const databasePids = await databaseProcesses(handle.db);
    for (let run = 0; run < RUNS; run += 1) {
      const base = 7_000_000 + run * 100_000 + (Date.now() % 1000) * 10_000_000;
      const bytes = templateCsv(base);
      const release = await time(marks, databasePids, "1 claim the import slot", () => claimImportRun(handle.db, admin.id));
      const readOptions = await time(marks, databasePids, "2 remembered values", () => withRememberedValues(handle.db, DEFAULT_READ_OPTIONS));
      const outcome = await time(marks, databasePids, "3 parse in the child process (start included)", () => parseInWorker({ bytes, kind: "policeReports", mapping: null, readOptions }, () => {}));
      await time(marks, databasePids, "3a parse in this process (no start)", () => parseSheet(bytes, "policeReports", null, () => {}, readOptions));
      if (!("parsed" in outcome)) throw new Error(JSON.stringify(outcome.problem));
      await time(marks, databasePids, "4 classify (dry run's database checks)", () => classifyRows(handle.db, outcome.parsed, {}));
      await time(marks, databasePids, "5 commit (classify, insert, audit)", () => commitImport(handle.db, outcome.parsed, actor, "phases.csv"));
      await time(marks, databasePids, "6 release the slot", () => release?.() ?? Promise.resolve());
      const again = templateCsv(base + 50_000);
      for (const mode of ["dryRun", "commit"] as const) {
        await time(marks, databasePids, `runImport ${mode}`, () => runImport(handle.db, { bytes: again, fileName: "phases.csv", kind: "policeReports", mapping: null, mode, actor }, () => {}));
      }
    }
  } finally {
    await handle.close();
  }
  console.log(`${RUNS} runs, load ${loadNow()}; median (all runs) in ms; CPU of Node / the reading process / PostgreSQL:`);
  for (const [name, mark] of Object.entries(marks)) {
    const cpu = (meter: keyof CpuReading) => {
      const values = mark.cpu.map((reading) => reading[meter]);
      return values.some((value) => value === null) ? "—" : median(values as number[]).toFixed(0);
    };
    console.log(
      `${name.padEnd(48)} wall ${median(mark.wall).toFixed(0).padStart(6)}   CPU ${cpu("node").padStart(5)} / ${cpu("children").padStart(5)} / ${cpu("database").padStart(5)}   (wall ${mark.wall.map((value) => value.toFixed(0)).join(", ")})`,
    );
  }
}

await main();
