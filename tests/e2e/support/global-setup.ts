import fs from "node:fs";
import type { TestProject } from "vitest/node";
import { currentBuild } from "@/scripts/support/build-folders.mjs";
import { childEnvironment } from "./child-environment";
import { repositoryRoot } from "./repository-root";
import { runCommand } from "./run-command";
import { screenshotDirectory } from "./screenshots";
import { seedBoth, seededFromDescription } from "./seeded-data";
import { startAppServerPool, type AppServerPool } from "./server-pool";
import { startSharedAppServer, type SharedServerStart } from "./shared-app-server";
import { sharedAcrossProjects } from "../../shared-global-setup";

const BUILD_TIMEOUT_MILLISECONDS = 15 * 60_000;

/** What one setup made, for the other browser project's setup in the same vitest process. */
interface Prepared {
  seededDataDirectory: string;
  seededPostgresDatabase: string;
  /** The server the e2e project's reading files share (shared-app-server.ts), once that project asked for it. */
  sharedServer: SharedServerStart | null;
  /** The e2e project's servers started ahead for its files (server-pool.ts), once that project asked. */
  serverPool: AppServerPool | null;
  remove(): Promise<void>;
}

/**
 * The e2e tests run the production build, so it is built once per `npm run test:e2e`.
 * E2E_SKIP_BUILD=1 reuses an existing build while working on the tests themselves.
 * Then the demo data is seeded once per engine; each test file's server gets a copy (seeded-data.ts).
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Both browser projects (e2e, and e2e-alone for the files that run alone) name this setup: the
  // first one builds and seeds, and the two share what it made.
  const { prepared, release } = await sharedAcrossProjects("e2e", prepare);
  project.provide("seededDataDirectory", prepared.seededDataDirectory);
  project.provide("seededPostgresDatabase", prepared.seededPostgresDatabase);
  // Only the e2e project's files share a server: the files run alone start their own, and the
  // shared one stays idle (it answers no request) while they run.
  if (project.name === "e2e") prepared.sharedServer ??= await startSharedServer(prepared.seededDataDirectory);
  project.provide("sharedAppServerUrl", project.name === "e2e" ? (prepared.sharedServer?.baseUrl ?? "") : "");
  // Only the e2e project's files share a worker among several files, and so can take a server started
  // ahead of them; the files run alone start their own (they judge timing, with nothing else running).
  if (project.name === "e2e" && prepared.serverPool === null) {
    const expectedTakes = await filesTakingAPooledServer(project);
    if (expectedTakes > 0) prepared.serverPool = await startAppServerPool(prepared.seededDataDirectory, expectedTakes);
  }
  project.provide("appServerPoolUrl", project.name === "e2e" ? (prepared.serverPool?.url ?? "") : "");
  return release;
}

async function prepare(): Promise<Prepared> {
  // Screenshots left from an earlier run would pass for this run's.
  fs.rmSync(screenshotDirectory, { recursive: true, force: true });
  await buildUnlessReused();
  const started = Date.now();
  const { embedded, postgres } = await seededAheadOrNow(started);
  const prepared: Prepared = {
    seededDataDirectory: embedded.dataDirectory,
    seededPostgresDatabase: postgres?.name ?? "",
    sharedServer: null,
    serverPool: null,
    async remove() {
      await prepared.serverPool?.close();
      // A start that failed has said so already (startSharedServer); there is nothing to stop then.
      const shared = await prepared.sharedServer?.server.catch(() => null);
      await shared?.stop();
      await embedded.remove();
      await postgres?.drop();
    },
  };
  return prepared;
}

/**
 * The demo data seeded by seed-ahead.ts, when E2E_SEEDED_AHEAD names the file it wrote (`.ci/run`
 * seeds while the unit and integration tests leave a core idle, so the browser step does not wait
 * for the seed); otherwise seeded now. Either way this run removes it when it ends.
 */
async function seededAheadOrNow(started: number) {
  const aheadFile = process.env.E2E_SEEDED_AHEAD;
  if (!aheadFile) {
    const seeded = await seedBoth();
    console.log(`e2e: demo data seeded once (embedded${seeded.postgres ? " and PostgreSQL" : ""}) in ${Math.round((Date.now() - started) / 1000)} s`);
    return seeded;
  }
  if (!fs.existsSync(aheadFile)) throw new Error(`E2E_SEEDED_AHEAD names ${aheadFile}, which seed-ahead.ts has not written (did it fail?)`);
  console.log(`e2e: demo data seeded ahead by tests/e2e/support/seed-ahead.ts (${aheadFile})`);
  return seededFromDescription(fs.readFileSync(aheadFile, "utf8"));
}

/**
 * How many of this run's files in the project ask for a server with no settings of their own
 * (`appServerForThisFile()`, fixtures.ts): the pool starts no more ahead than that. The run's file
 * filters (`vitest run --project e2e tests/e2e/x.test.ts`) are vitest's own field, not a public
 * one; without it every file of the project counts (a server or two too many started ahead).
 */
async function filesTakingAPooledServer(project: TestProject): Promise<number> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  return testFiles.reduce((count, file) => count + (fs.readFileSync(file, "utf8").match(/appServerForThisFile\(\)/g)?.length ?? 0), 0);
}

/** Starts the shared server in the background; the files that use it wait for its health check. */
async function startSharedServer(seededDataDirectory: string): Promise<SharedServerStart> {
  const started = Date.now();
  const start = await startSharedAppServer(seededDataDirectory);
  start.server.then(
    () => console.log(`e2e: the shared app server answers at ${start.baseUrl} after ${Math.round((Date.now() - started) / 1000)} s`),
    (error: unknown) => console.error(`e2e: the shared app server did not start: ${error instanceof Error ? error.message : String(error)}`),
  );
  return start;
}

async function buildUnlessReused(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === "1") {
    const build = currentBuild(repositoryRoot);
    if (build) {
      console.log(`e2e: E2E_SKIP_BUILD=1, reusing the current build, ${build.distDir}`);
      return;
    }
    console.log("e2e: E2E_SKIP_BUILD=1 but there is no current build (.next-builds/current), building anyway");
  }
  const started = Date.now();
  // The build's output is only worth reading when it fails; runCommand puts it in the error then.
  await runCommand("npm", ["run", "build"], {
    cwd: repositoryRoot,
    env: childEnvironment(),
    timeoutMilliseconds: BUILD_TIMEOUT_MILLISECONDS,
  });
  console.log(`e2e: npm run build finished in ${Math.round((Date.now() - started) / 1000)} s`);
}
