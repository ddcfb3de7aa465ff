import fs from "node:fs/promises";
import { eq } from "drizzle-orm";
import { openDatabase, type Database } from "@/db/client";
import { users } from "@/db/schema";
import { createRandom, type Random } from "@/lib/demo/random";
import { FAMILY_NAMES, MALE_GIVEN_NAMES } from "@/lib/demo/names";
import { runImport, type ImportEvent, type ImportMode } from "@/lib/import/run-import";
import type { ImportKind } from "@/lib/import/fields";
import { createBenchDatabase, generate } from "./generate";
import { cpuSince, databaseProcesses, readCpu } from "./measures/cpu";
import { loadNow, median, timed } from "./measures/timing";
import { machine } from "./results";

/**
 * `npm run bench:import [-- --rows=5000] [-- --runs=3]`: the speed issue 28 asks to keep. A
 * 5,000-row file, checked (dry run) and imported (commit) through the real path (a parse child
 * process, the checks against the database, one audited transaction), into a registry of scale M
 * (10,000 missing persons, 100,000 reports) on PostgreSQL, in three shapes:
 * - the template's police-report columns, no one named (the shape measured when the issue was filed);
 * - a station's register: each report names its missing person in one full-name cell, so every
 *   name is split and goes through the duplicate review against the registry;
 * - missing persons, one full name a row, through the same duplicate review.
 * The median of `runs` runs each is appended to bench/RESULTS.md with the load average beside it,
 * and the CPU each took: this process, the reading process, the PostgreSQL server (bench/measures/cpu.ts).
 * `--template-M=<database>` copies a database `npm run bench:generate -- --scale=M` filled instead
 * of generating one (the copy is dropped afterwards, the template kept); `--database-M=<url>`
 * measures in that database and keeps what the commits added; `--shapes=1,3` measures
 * only those shapes (numbered from 1 as listed below); `--no-record` prints without appending.
 */
const option = (name: string) => process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
const ROWS = Number(option("rows") ?? 5_000);
const RUNS = Number(option("runs") ?? 3);
const TEMPLATE = option("template-M");
const GIVEN_DATABASE = option("database-M");
const CHOSEN_SHAPES = option("shapes")?.split(",").map(Number);
const log = (message: string) => console.log(`bench:import [${new Date().toISOString().slice(11, 19)}, load ${loadNow()}]: ${message}`);

interface Shape {
  name: string;
  kind: ImportKind;
  header: string[];
  row: (random: Random, index: number, base: number) => string[];
}

const fullName = (random: Random) =>
  `${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(FAMILY_NAMES).ar}`;
const filedOn = (random: Random) => `20${random.int(19, 22)}-0${random.int(1, 9)}-1${random.int(0, 9)}`;

const SHAPES: Shape[] = [
  {
    name: "police reports, template columns, no one named",
    kind: "policeReports",
    header: ["رقم البلاغ", "مركز الشرطة", "تاريخ البلاغ", "اسم المبلغ", "صلة المبلغ", "نوع البلاغ", "الوقائع"],
    row: (random, index, base) => [`${base + index}/2020`, "مركز شرطة ترهونة", filedOn(random), fullName(random), "أخ", random.chance(0.3) ? "killing" : "disappearance", "بلاغ اصطناعي للقياس"],
  },
  {
    name: "police reports, register shape, each naming its missing person in one cell",
    kind: "policeReports",
    header: ["رقم البلاغ", "مركز الشرطة", "تاريخ البلاغ", "اسم المبلغ", "نوع البلاغ", "اسم المفقود"],
    row: (random, index, base) => [`${base + index}/2020`, "مركز شرطة ترهونة", filedOn(random), fullName(random), "disappearance", fullName(random)],
  },
  {
    name: "missing persons, one full name a row",
    kind: "missingPersons",
    header: ["الاسم الكامل", "الجنس", "سنة الميلاد", "مكان آخر مشاهدة"],
    row: (random) => [fullName(random), "male", String(random.int(1950, 2000)), "ترهونة"],
  },
];

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
function csv(shape: Shape, base: number): Uint8Array {
  const random = createRandom(base);
  const lines = [shape.header, ...Array.from({ length: ROWS }, (_, index) => shape.row(random, index, base))];
  return new TextEncoder().encode(lines.map((line) => line.map(csvCell).join(",")).join("\n") + "\n");
}

async function importOnce(db: Database, actorId: string, shape: Shape, mode: ImportMode, base: number) {
  const events: ImportEvent[] = [];
  const databasePids = await databaseProcesses(db);
  const cpuBefore = readCpu(databasePids);
  const measured = await timed(() =>
    runImport(db, { bytes: csv(shape, base), fileName: "bench-register.csv", kind: shape.kind, mapping: null, mode, actor: { actorId, actorLabel: "bench" } }, (event) => events.push(event)),
  );
  const result = events.find((event) => event.type === "result");
  if (!result || result.type !== "result") throw new Error(`${shape.name}: no result: ${JSON.stringify(events.filter((event) => event.type !== "progress")).slice(0, 800)}`);
  if (result.errorCount > 0) throw new Error(`${shape.name}: ${result.errorCount} rows refused, e.g. ${JSON.stringify(result.errors.slice(0, 3))}`);
  const cpu = cpuSince(cpuBefore, databasePids);
  return { milliseconds: measured.milliseconds, cpu: `${(cpu.node / 1000).toFixed(2)} / ${(cpu.children / 1000).toFixed(2)} / ${cpu.database === null ? "?" : (cpu.database / 1000).toFixed(2)}`, counts: result.counts };
}

/** The CPU line of the run whose wall time is the median. */
function cpuOfMedian(runs: readonly { milliseconds: number; cpu: string }[]): string {
  const middle = median(runs.map((run) => run.milliseconds));
  return runs.find((run) => run.milliseconds === middle)?.cpu ?? "?";
}

async function main() {
  const database = GIVEN_DATABASE === undefined ? await createBenchDatabase(TEMPLATE) : { url: GIVEN_DATABASE, drop: () => Promise.resolve() };
  const lines: string[] = [];
  try {
    if (TEMPLATE === undefined && GIVEN_DATABASE === undefined) {
      const counts = await generate(database.url, "M");
      log(`scale M generated in ${counts.seconds.toFixed(1)} s`);
    }
    const handle = await openDatabase({ kind: "postgres", url: database.url }, { maxConnections: 4 });
    try {
      const [admin] = await handle.db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
      if (!admin) throw new Error("the demo admin account is missing");
      for (const [shapeIndex, shape] of SHAPES.entries()) {
        if (CHOSEN_SHAPES !== undefined && !CHOSEN_SHAPES.includes(shapeIndex + 1)) continue;
        const runs: Record<ImportMode, { milliseconds: number; cpu: string }[]> = { dryRun: [], commit: [] };
        let created = "";
        for (let run = 0; run < RUNS; run += 1) {
          // Each commit brings report numbers of its own (the generated registry's end below
          // 100,000), so that every run creates as many records.
          const base = 5_000_000 + shapeIndex * 1_000_000 + run * 100_000;
          runs.dryRun.push(await importOnce(handle.db, admin.id, shape, "dryRun", base));
          const committed = await importOnce(handle.db, admin.id, shape, "commit", base);
          runs.commit.push(committed);
          log(`${shape.name}, run ${run + 1}: dry run ${runs.dryRun.at(-1)?.milliseconds.toFixed(0)} ms (CPU ${runs.dryRun.at(-1)?.cpu}), commit ${committed.milliseconds.toFixed(0)} ms (CPU ${committed.cpu})`);
          created = JSON.stringify(committed.counts);
        }
        const load = loadNow();
        const times = { dryRun: runs.dryRun.map((run) => run.milliseconds), commit: runs.commit.map((run) => run.milliseconds) };
        log(`${shape.name}: dry run ${median(times.dryRun).toFixed(0)} ms, commit ${median(times.commit).toFixed(0)} ms (${created})`);
        lines.push(
          `| ${shape.name} | ${ROWS.toLocaleString("en")} | ${(median(times.dryRun) / 1000).toFixed(2)} s | ${cpuOfMedian(runs.dryRun)} | ${(median(times.commit) / 1000).toFixed(2)} s | ${cpuOfMedian(runs.commit)} | \`${created}\` | ${load} |`,
        );
      }
    } finally {
      await handle.close();
    }
  } finally {
    await database.drop();
  }
  const section = [
    "",
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — ${ROWS.toLocaleString("en")} rows into scale M, median of ${RUNS} runs`,
    "",
    `Machine: ${machine()}.`,
    "",
    `Registry: ${GIVEN_DATABASE !== undefined ? "a database given (--database-M)" : TEMPLATE === undefined ? "generated for this run" : `a copy of ${TEMPLATE} (scale M, generated once)`}. CPU in seconds: Node / reading process / PostgreSQL, of the median run.`,
    "",
    "| file | rows | dry run | CPU | commit | CPU | last commit's counts | load (1 min) |",
    "|---|---|---|---|---|---|---|---|",
    ...lines,
    "",
  ].join("\n");
  if (!process.argv.includes("--no-record")) await fs.appendFile(new URL("./RESULTS.md", import.meta.url), section);
  console.log(section);
}

await main();
