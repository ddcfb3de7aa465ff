import fs from "node:fs/promises";
import { openDatabase } from "@/db/client";
import { createRandom } from "@/lib/demo/random";
import { createBenchDatabase, generate, type BenchDatabase, type Scale } from "./generate";
import { measureDuplicateDetection } from "./measures/name-duplicates";
import { loadRegistry, measureNameRanking, nameQueries, uniqueFourPartPeople, type RankingFigures } from "./measures/name-ranking";
import { measureConcurrentNameSearch } from "./measures/name-search-load";
import { loadNow, milliseconds } from "./measures/timing";
import { machine } from "./results";

/**
 * `npm run bench:names [-- --scale=M|L] [-- --sample=150] [-- --exhaustive=30]`: the name search
 * figures of issue 31 on PostgreSQL, appended to bench/RESULTS.md. Without --scale both M and L
 * are generated (growth M → L is one of the figures); the goals are judged at L.
 * `--database-L=<url>` (and `--database-M=`) measure a database `npm run bench:generate` already
 * filled at that scale, kept afterwards: generating L takes minutes, an A/B comparison needs runs
 * close in time.
 */
const argumentsGiven = process.argv.slice(2);
const option = (name: string) => argumentsGiven.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
const scaleArgument = option("scale");
if (scaleArgument !== undefined && scaleArgument !== "M" && scaleArgument !== "L") throw new Error("--scale must be M or L");
const scales: Scale[] = scaleArgument ? [scaleArgument] : ["M", "L"];
const sample = Number(option("sample") ?? 150);
const exhaustiveSample = Number(option("exhaustive") ?? 30);
const CONCURRENCY = 8;
/** People whose names warm the server before the timed searches (measureConcurrentNameSearch). */
const WARM_UP_PEOPLE = 40;
const log = (message: string) => console.log(`bench:names [${new Date().toISOString().slice(11, 19)}, load ${loadNow()}]: ${message}`);

const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)} %`);
const verdict = (pass: boolean | null) => (pass === null ? "" : pass ? "pass" : "**miss**");

interface ScaleFigures {
  scale: Scale;
  ranking: RankingFigures[];
  load: { p95: number; median: number; searches: number; nodeCpuPerSearch: number };
  duplicates: { checks: number; proposed: number; falsePerCheck: number };
  loadAverage: string;
}

async function generatedDatabase(scale: Scale): Promise<BenchDatabase> {
  const given = option(`database-${scale}`);
  if (given !== undefined) return { url: given, drop: () => Promise.resolve() };
  const database = await createBenchDatabase();
  try {
    const counts = await generate(database.url, scale);
    log(`scale ${scale} generated in ${counts.seconds.toFixed(1)} s`);
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}

async function measureScale(scale: Scale): Promise<ScaleFigures> {
  const database = await generatedDatabase(scale);
  try {
    const handle = await openDatabase({ kind: "postgres", url: database.url }, { maxConnections: CONCURRENCY });
    try {
      const registry = await loadRegistry(handle.db);
      const sampled = uniqueFourPartPeople(registry, createRandom(0x10ad), sample);
      const queries = nameQueries(sampled, createRandom(0x10ae)).map((query) => query.text);
      const measuredIds = new Set(sampled.map((person) => person.id));
      const others = uniqueFourPartPeople(registry, createRandom(0x3a3a), WARM_UP_PEOPLE + sample).filter((person) => !measuredIds.has(person.id)).slice(0, WARM_UP_PEOPLE);
      const warmUp = nameQueries(others, createRandom(0x3a3b)).map((query) => query.text);
      const load = await measureConcurrentNameSearch(handle.db, queries, CONCURRENCY, warmUp);
      const loadAverage = loadNow();
      log(`scale ${scale}: ${load.searches} searches, ${CONCURRENCY} at once, p95 ${milliseconds(load.p95)}`);
      const ranking = await measureNameRanking(handle.db, sample, exhaustiveSample);
      log(`scale ${scale}: ranking measured`);
      const duplicates = await measureDuplicateDetection(handle.db, registry, createRandom(0xd0b1e), 200);
      log(`scale ${scale}: duplicates measured`);
      return { scale, ranking, load, duplicates, loadAverage };
    } finally {
      await handle.close();
    }
  } finally {
    await database.drop();
  }
}

function rankingRows(figures: ScaleFigures): string[] {
  const judged = figures.scale === "L";
  return figures.ranking.map((row) => {
    const parts = row.kind === "given, family" ? 2 : 3;
    const listedGoal = parts >= 3 ? 0.98 : null;
    const firstGoal = parts >= 3 ? (row.misspelt ? 0.8 : 0.9) : null;
    const listed = row.listed / row.queries;
    const first = row.identifying === 0 ? 0 : row.firstWhenIdentifying / row.identifying;
    const pass = judged && listedGoal !== null && firstGoal !== null ? listed >= listedGoal && first >= firstGoal : null;
    return `| ${figures.scale} | ${row.kind}${row.misspelt ? ", misspelt" : ", exact"} | ${row.queries} | ${percent(row.listed, row.queries)} | ${percent(row.firstWhenIdentifying, row.identifying)} of ${row.identifying} | ${percent(row.firstOrSameParts, row.queries)} | ${percent(row.searchAgreesWithExhaustive, row.checked)} / ${percent(row.exhaustiveFirst, row.checked)} of ${row.checked} | ${listedGoal === null ? "report" : `≥ ${listedGoal * 100} % / ≥ ${(firstGoal ?? 0) * 100} %`} | ${verdict(pass)} |`;
  });
}

function section(measured: ScaleFigures[], minutes: number): string {
  const m = measured.find((entry) => entry.scale === "M");
  const l = measured.find((entry) => entry.scale === "L");
  const timing = measured.map((entry) => {
    const judged = entry.scale === "L" ? verdict(entry.load.p95 <= 50) : "";
    return `| ${entry.scale} | name search p95, ${entry.load.searches} searches (the queries above), ${CONCURRENCY} at once | ${milliseconds(entry.load.p95)} (median ${milliseconds(entry.load.median)}; Node CPU ${milliseconds(entry.load.nodeCpuPerSearch)} per search) | ${entry.scale === "L" ? "≤ 50 ms" : ""} | ${judged} | ${entry.loadAverage} |`;
  });
  if (m && l) {
    const growth = l.load.p95 / m.load.p95;
    timing.push(`| M → L | p95 growth (10× the persons) | ${growth.toFixed(2)}× | ≤ 2× | ${verdict(growth <= 2)} | ${l.loadAverage} |`);
  }
  const duplicates = measured.map((entry) => {
    const pass = entry.scale === "L" ? entry.duplicates.proposed >= 0.95 && entry.duplicates.falsePerCheck <= 5 : null;
    return `| ${entry.scale} | ${entry.duplicates.checks} | ${(entry.duplicates.proposed * 100).toFixed(1)} % | ${entry.duplicates.falsePerCheck.toFixed(2)} | ≥ 95 % / ≤ 5 | ${verdict(pass)} |`;
  });
  return [
    `### ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC — scales ${measured.map((entry) => entry.scale).join(" and ")}, ${sample} people sampled`,
    "",
    `Machine: ${machine()}. The run took ${minutes.toFixed(1)} min.`,
    "",
    "| scale | query | queries | listed in 20 | ranked first, where the parts typed name one person | first is the person or one with the same parts | exhaustive check: search best = exhaustive best / scorer alone ranks the person first | goal (listed / first) | |",
    "|---|---|---|---|---|---|---|---|---|",
    ...measured.flatMap(rankingRows),
    "",
    "| scale | figure | measured | goal | | load (1 min) |",
    "|---|---|---|---|---|---|",
    ...timing,
    "",
    "| scale | duplicate checks (3 of 4 parts, clerk spellings) | proposed | false candidates per check | goal | |",
    "|---|---|---|---|---|---|",
    ...duplicates,
    "",
  ].join("\n");
}

const RESULTS = new URL("./RESULTS.md", import.meta.url);
const HEADING = "## Name search by parts (`npm run bench:names`, issue 31)";
const INTRODUCTION = `${HEADING}

People whose four-part name is unique in the synthetic registry (bench/generate.ts), searched
through \`searchMissingPersons\` (20 results) by their given and family name, given, father and
family name, and all four parts, exactly as stored and misspelt as bench/spelling.ts does.
"Ranked first" counts only queries whose typed parts (in their roles, normalised) name that
person alone; the next column counts all queries, a person with the same typed parts ranked first
not being a miss. The exhaustive check scores every person of the registry in TypeScript for a
sample of the queries, without the database: whether the search's best score is the true best
(no candidate lost), and how the scorer alone ranks the person. Timing runs 8 searches at once on
a machine shared with other work: the 1-minute load average stands beside it.
`;

async function addSection(text: string): Promise<void> {
  let results = await fs.readFile(RESULTS, "utf8");
  if (!results.includes(HEADING)) {
    const kinship = results.indexOf("\n## Kinship screen");
    results = kinship < 0 ? `${results.trimEnd()}\n\n${INTRODUCTION}\n` : `${results.slice(0, kinship).trimEnd()}\n\n${INTRODUCTION}\n${results.slice(kinship)}`;
  }
  const start = results.indexOf(HEADING);
  const next = results.indexOf("\n## ", start + HEADING.length);
  const at = next < 0 ? results.length : next;
  await fs.writeFile(RESULTS, `${results.slice(0, at).trimEnd()}\n\n${text}\n${results.slice(at)}`);
}

const started = performance.now();
const measured: ScaleFigures[] = [];
for (const scale of scales) measured.push(await measureScale(scale));
const text = section(measured, (performance.now() - started) / 60_000);
console.log(`\n${text}`);
await addSection(text);
