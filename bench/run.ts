import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { currentBuild } from "@/scripts/support/build-folders.mjs";
import { childEnvironment } from "../tests/e2e/support/child-environment";
import { repositoryRoot } from "../tests/e2e/support/repository-root";
import { createBenchDatabase, generate, type BenchDatabase, type Scale } from "./generate";
import { measureImport } from "./measures/import";
import { measureListPages } from "./measures/lists";
import { measureNameSearch, type SearchFigures } from "./measures/search";
import { measurePublicAnswers, type PublicAnswerFigures } from "./measures/public-answers";
import { measureColdStart, startServer } from "./measures/server";
import { measureStaffUnderLoad, type UnderLoadFigures } from "./measures/staff-under-load";
import { loadNow, milliseconds, ratio, type Figure } from "./measures/timing";
import { addRun, latestLighthouseRun, runSection } from "./results";

/**
 * `npm run bench [-- --scale=M|L] [-- --smoke] [-- --only=public]`: the figures of issues 11 and 30
 * on PostgreSQL, each against a ceiling measured in the same run, appended to bench/RESULTS.md.
 * Without --scale both M and L are generated (the search's growth from M to L is one of the
 * figures). --smoke runs every measure at a tiny scale for a few seconds, judges nothing and writes
 * nothing. --only=public measures only the public answers and the staff under their load (issue 30).
 */
const argumentsGiven = process.argv.slice(2);
const smoke = argumentsGiven.includes("--smoke");
const onlyPublic = argumentsGiven.includes("--only=public");
const scaleArgument = argumentsGiven.find((argument) => argument.startsWith("--scale="))?.slice("--scale=".length);
if (scaleArgument !== undefined && scaleArgument !== "M" && scaleArgument !== "L") throw new Error("--scale must be M or L");
const scales: Scale[] = smoke ? ["smoke"] : scaleArgument ? [scaleArgument] : ["M", "L"];
const SIZES = smoke
  ? { searches: 20, listRuns: 2, importRows: 500, httpSeconds: 1, staffSessions: 2, searchSessions: 2, anonymous: 4 }
  : { searches: 200, listRuns: 9, importRows: 100_000, httpSeconds: 10, staffSessions: 20, searchSessions: 8, anonymous: 100 };

const judged = (pass: boolean) => (smoke ? null : pass);
/** How long a staff member reads a page before the next click, on average (bench/measures/staff-under-load.ts). */
const STAFF_READING_MILLISECONDS = smoke ? 100 : 2_000;
/** The reading times drawn: evenly between half and one and a half times the average. */
const readingRange = `${STAFF_READING_MILLISECONDS / 2000}–${(STAFF_READING_MILLISECONDS * 1.5) / 1000} s`;
const log = (message: string) => console.log(`bench [${new Date().toISOString().slice(11, 19)}, load ${loadNow()}]: ${message}`);

function ensureProductionBuild(): Promise<unknown> {
  if (currentBuild(repositoryRoot)) return Promise.resolve();
  log("no current production build (.next-builds/current): running npm run build");
  return promisify(execFile)("npm", ["run", "build"], { cwd: repositoryRoot, env: childEnvironment(), maxBuffer: 64 * 1024 * 1024 });
}

interface ScaleDatabase {
  scale: Scale;
  database: BenchDatabase;
  handle: DatabaseHandle;
}

async function prepare(scale: Scale): Promise<ScaleDatabase> {
  const database = await createBenchDatabase();
  const counts = await generate(database.url, scale);
  log(`scale ${scale} generated in ${counts.seconds.toFixed(1)} s`);
  return { scale, database, handle: await openDatabase({ kind: "postgres", url: database.url }, { maxConnections: 4 }) };
}

async function searchFigures(databases: ScaleDatabase[]): Promise<Figure[]> {
  const measured: { scale: Scale; figures: SearchFigures; load: string }[] = [];
  for (const { scale, handle } of databases) {
    const figures = await measureNameSearch(handle.db, SIZES.searches);
    measured.push({ scale, figures, load: loadNow() });
    log(`search at ${scale}: p95 ${milliseconds(figures.p95)}, found ${Math.round(figures.found * 100)} %`);
  }
  const rows: Figure[] = measured.map(({ scale, figures, load }) => ({
    name: `staff name search p95, ${figures.queries} misspelt names, scale ${scale} (median ${milliseconds(figures.median)}; the person sought listed in ${Math.round(figures.found * 100)} %)`,
    measured: milliseconds(figures.p95),
    ceiling: `${milliseconds(figures.caseNumberP95)} (exact case number, same function)`,
    ratio: ratio(figures.p95 / figures.caseNumberP95),
    goal: scale === "L" ? "≤ 50 ms" : "",
    pass: scale === "L" ? judged(figures.p95 <= 50) : null,
    load,
  }));
  const [m, l] = [measured.find((entry) => entry.scale === "M"), measured.find((entry) => entry.scale === "L")];
  if (m && l) {
    const growth = l.figures.p95 / m.figures.p95;
    rows.push({ name: "name search p95 growth from M to L (10× the persons)", measured: milliseconds(l.figures.p95), ceiling: `${milliseconds(m.figures.p95)} (at M)`, ratio: ratio(growth), goal: "≤ 2×", pass: judged(growth <= 2), load: l.load });
  }
  return rows;
}

async function listFigures(target: ScaleDatabase): Promise<Figure[]> {
  const lists = await measureListPages(target.handle.db, SIZES.listRuns);
  return lists.map((list) => ({
    name: `list page 90 % deep by keyset, ${list.list}, ${list.rows} rows (scale ${target.scale})`,
    measured: milliseconds(list.deep),
    ceiling: `${milliseconds(list.first)} (first page)`,
    ratio: ratio(list.deep / list.first),
    goal: "≤ 1.5×",
    pass: judged(list.deep <= 1.5 * list.first),
    load: loadNow(),
  }));
}

async function importFigure(target: ScaleDatabase): Promise<Figure> {
  const figures = await measureImport(target.handle.db, target.database.url, SIZES.importRows);
  const rate = (milliseconds: number) => `${Math.round(figures.rows / (milliseconds / 1000)).toLocaleString("en")} rows/s`;
  return {
    name: `import of ${figures.rows.toLocaleString("en")} police-report rows (CSV, lib/import/run-import.ts commit) into scale ${target.scale}`,
    measured: `${(figures.importMilliseconds / 1000).toFixed(1)} s, ${rate(figures.importMilliseconds)}`,
    ceiling: `${(figures.copyMilliseconds / 1000).toFixed(1)} s, ${rate(figures.copyMilliseconds)} (psql \\copy, same rows, same table)`,
    ratio: ratio(figures.copyMilliseconds / figures.importMilliseconds),
    goal: "≥ 0.33×",
    pass: judged(figures.copyMilliseconds / figures.importMilliseconds >= 0.33),
    load: loadNow(),
  };
}

/** Goals of issue 30: HTML at least half its ceiling, JSON 0.8 of it, p99 ≤ 100 ms at 100 connections. */
function publicAnswerFigure(figures: PublicAnswerFigures, scale: Scale): Figure {
  const html = figures.path === "/ar" || figures.path === "/en";
  const share = figures.app.requestsPerSecond / figures.bare.requestsPerSecond;
  const goalShare = html ? 0.5 : 0.8;
  const checksLatency = figures.connections >= 100;
  const kept = figures.cacheAfter === null ? "" : `; page cache after the run: ${figures.cacheAfter}`;
  return {
    name: `GET ${figures.path} (npm start, scale ${scale}), ${figures.connections} connections, ${SIZES.httpSeconds} s; ${(figures.bytes / 1000).toFixed(1)} kB ${figures.encoding}${kept}`,
    measured: `${Math.round(figures.app.requestsPerSecond)} req/s, p50 ${figures.app.p50} ms, p99 ${figures.app.p99} ms`,
    ceiling: `${Math.round(figures.bare.requestsPerSecond)} req/s, p50 ${figures.bare.p50} ms, p99 ${figures.bare.p99} ms (bare node http, same bytes and headers)`,
    ratio: ratio(share),
    goal: `≥ ${goalShare}×${checksLatency ? ", p99 ≤ 100 ms" : ""}`,
    pass: judged(share >= goalShare && (!checksLatency || figures.app.p99 <= 100) && figures.app.errors === 0),
    load: figures.load,
  };
}

function underLoadFigure(what: string, figures: UnderLoadFigures, scale: Scale, goal: { text: string; pass: boolean | null }): Figure {
  return {
    name: `${what} while ${SIZES.anonymous} anonymous connections load /ar (scale ${scale}, ${SIZES.httpSeconds} s; ${figures.staff.requests} staff requests, ${figures.staff.errors} errors)`,
    measured: `p95 ${milliseconds(figures.staff.p95)} (median ${milliseconds(figures.staff.p50)})`,
    ceiling: `/ar meanwhile: ${Math.round(figures.anonymous.requestsPerSecond)} req/s, p99 ${figures.anonymous.p99} ms, ${figures.anonymous.errors} errors`,
    ratio: "",
    goal: goal.text,
    pass: goal.pass,
    load: figures.load,
  };
}

async function publicFigures(target: ScaleDatabase): Promise<Figure[]> {
  const server = await startServer({ DATABASE_URL: target.database.url });
  try {
    const answers = await measurePublicAnswers(server.baseUrl, SIZES.httpSeconds);
    for (const figures of answers) if (figures.app.errors > 0) log(`${figures.path}: ${figures.app.errors} errors under load`);
    log("public answers measured");
    const common = { anonymous: SIZES.anonymous, seconds: SIZES.httpSeconds };
    const { staffSessions, searchSessions } = SIZES;
    // Point 3's staff as people work: each page read for a while (STAFF_READING_MILLISECONDS) before the next click.
    const staff = await measureStaffUnderLoad(server.baseUrl, target.database.url, { ...common, sessions: staffSessions, work: "browse", readingMilliseconds: STAFF_READING_MILLISECONDS });
    log(`staff under load: p95 ${milliseconds(staff.staff.p95)}`);
    // The same staff asking again the moment a page answers: no person browses so, a stress figure.
    const stressed = await measureStaffUnderLoad(server.baseUrl, target.database.url, { ...common, sessions: staffSessions, work: "browse", readingMilliseconds: 0 });
    log(`staff without reading time under load: p95 ${milliseconds(stressed.staff.p95)}`);
    // Point 4: issue 31's 8 concurrent name searches (search-as-you-type, the search alone), then the search page.
    const typed = await measureStaffUnderLoad(server.baseUrl, target.database.url, { ...common, sessions: searchSessions, work: "typed-search", readingMilliseconds: 0 });
    log(`typed searches under load: p95 ${milliseconds(typed.staff.p95)}`);
    const searches = await measureStaffUnderLoad(server.baseUrl, target.database.url, { ...common, sessions: searchSessions, work: "search-page", readingMilliseconds: 0 });
    log(`search pages under load: p95 ${milliseconds(searches.staff.p95)}`);
    return [
      ...answers.map((figures) => publicAnswerFigure(figures, target.scale)),
      underLoadFigure(`${staffSessions} signed-in staff browsing lists, person pages and name search, each page read ${readingRange}`, staff, target.scale, {
        text: "p95 ≤ 300 ms",
        pass: judged(staff.staff.p95 <= 300 && staff.staff.errors === 0),
      }),
      underLoadFigure(`${staffSessions} signed-in staff browsing the same, asking again the moment a page answers (stress: no reading time)`, stressed, target.scale, {
        text: "",
        pass: null,
      }),
      // The name search's goal is issue 31's (p95 ≤ 50 ms with 8 concurrent searches); here under this load.
      underLoadFigure(`${searchSessions} concurrent name searches as typed (POST /api/staff/persons/search)`, typed, target.scale, {
        text: "p95 ≤ 50 ms",
        pass: judged(typed.staff.p95 <= 50 && typed.staff.errors === 0),
      }),
      underLoadFigure(`${searchSessions} concurrent staff name searches (search box, then the results page)`, searches, target.scale, { text: "", pass: null }),
    ];
  } finally {
    await server.stop();
  }
}

async function coldStartFigure(): Promise<Figure> {
  const cold = await measureColdStart();
  return {
    name: "cold start to a healthy /api/health, embedded database, fresh DATA_DIR (migrations included, production build)",
    measured: `${(cold.fresh / 1000).toFixed(2)} s`,
    ceiling: `${(cold.again / 1000).toFixed(2)} s (restart on the same DATA_DIR)`,
    ratio: ratio(cold.fresh / cold.again),
    goal: "≤ 3 s",
    pass: judged(cold.fresh <= 3000),
    load: loadNow(),
  };
}

async function lighthouseFigures(): Promise<Figure[]> {
  const run = await latestLighthouseRun();
  if (!run) return [];
  return run.rows.map((row) => ({
    name: `Lighthouse ${row.page}: ${row.figure} (npm run bench:lighthouse, run of ${run.heading.split(" — ")[0]})`,
    measured: row.measured,
    ceiling: "",
    ratio: "",
    goal: row.goal,
    pass: smoke ? null : row.verdict === "pass",
    load: "see its run",
  }));
}

async function main(): Promise<void> {
  const started = performance.now();
  await ensureProductionBuild();
  const databases: ScaleDatabase[] = [];
  try {
    for (const scale of scales) databases.push(await prepare(scale));
    const largest = databases.at(-1) as ScaleDatabase;
    const smallest = databases[0] as ScaleDatabase;
    const figures: Figure[] = [];
    if (!onlyPublic) {
      figures.push(...(await searchFigures(databases)));
      figures.push(...(await listFigures(largest)));
      log("list pages measured");
    }
    figures.push(...(await publicFigures(largest)));
    log("public answers and staff under load measured");
    if (!onlyPublic) {
      figures.push(await coldStartFigure());
      log("cold start measured");
      // After the reads: the import adds rows to the database it runs on.
      figures.push(await importFigure(smallest));
      log("import measured");
      figures.push(...(await lighthouseFigures()));
    }
    const minutes = (performance.now() - started) / 60_000;
    const section = runSection(`scales ${scales.join(" and ")}${onlyPublic ? ", public answers only" : ""}${smoke ? " (smoke: tiny scale, nothing judged)" : ""}`, figures, [`The whole run took ${minutes.toFixed(1)} min.`]);
    console.log(`\n${section}`);
    if (!smoke) await addRun(section);
  } finally {
    for (const { handle, database } of databases) {
      await handle.close();
      await database.drop();
    }
  }
}

await main();
