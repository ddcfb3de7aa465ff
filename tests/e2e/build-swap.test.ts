import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { currentBuild } from "@/scripts/support/build-folders.mjs";
import { startAppServer, type AppServer } from "./support/app-server";
import { childEnvironment } from "./support/child-environment";
import { HALF_COPIED } from "./support/copy-current-build.mjs";
import { startProcessGroup, stopProcessGroup, type ProcessGroup } from "./support/process-group";
import { repositoryRoot } from "./support/repository-root";

/*
 * Issue 29, point 7: rebuilding while the app ran made the live sign-in page answer 500 until a
 * restart (Next's build empties its folder first). `npm run build` now builds into a folder of its
 * own and makes it current only once it succeeded; a running server keeps serving its own build.
 * Runs alone (vitest.config.ts): it judges every answer during a build, which takes both cores.
 */

// A build on a loaded machine took 14 min to compile alone (two cores shared with other runs).
const BUILD_TIMEOUT_MILLISECONDS = 40 * 60_000;
/** Run by `npm run build` in place of Next's build in the first test (support/copy-current-build.mjs). */
const COPY_BUILD_SCRIPT = path.join(repositoryRoot, "tests", "e2e", "support", "copy-current-build.mjs");
const LOGIN = "/ar/login";

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer({ keepLog: true });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Polls until `done` holds; fails with `why()` after two minutes. */
async function until(done: () => boolean, why: () => string): Promise<void> {
  for (const deadline = Date.now() + 120_000; !done(); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(why());
  }
}

/** Asks for the sign-in page until stopped, noting every answer that was not a 200. */
function watchSignInPage(baseUrl: string) {
  const failures: string[] = [];
  let answers = 0;
  let watching = true;
  const done = (async () => {
    while (watching) {
      try {
        const response = await fetch(`${baseUrl}${LOGIN}`, { signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        answers += 1;
        if (response.status !== 200) failures.push(`HTTP ${response.status} at ${new Date().toISOString()}`);
      } catch (error) {
        failures.push(`no answer at ${new Date().toISOString()}: ${String(error)}`);
      }
      await sleep(250);
    }
  })();
  return {
    failures,
    answers: () => answers,
    async stop() {
      watching = false;
      await done;
    },
  };
}

/** The sign-in page and the first script it names both answer 200: the page works, not only its HTML. */
async function expectSignInPageWhole(baseUrl: string): Promise<void> {
  const page = await fetch(`${baseUrl}${LOGIN}`);
  expect(page.status).toBe(200);
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await page.text())?.[1];
  expect(script, "the sign-in page names no script").toBeDefined();
  expect((await fetch(`${baseUrl}${script}`)).status).toBe(200);
}

interface ReadyLine {
  build?: string;
  version?: string;
  commit?: string;
}

/** What a server said it serves: its build folder and release (scripts/serve.mjs's server.ready line). */
function readyLine(logLines: string[]): ReadyLine | undefined {
  for (const line of logLines) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as ReadyLine & { event?: string };
    if (entry.event === "server.ready") return entry;
  }
  return undefined;
}

const servedFolder = (logLines: string[]) => readyLine(logLines)?.build;

function buildFolderNames(): string[] {
  return fs.readdirSync(path.join(repositoryRoot, ".next-builds")).filter((name) => name !== "current");
}

/** The pid of `next build` among the processes of the group led by `groupId`, once it runs. */
function nextBuildProcess(groupId: number): number | null {
  const listing = execFileSync("ps", ["-o", "pid=,args=", "-g", String(groupId)], { encoding: "utf8" });
  const line = listing.split("\n").find((row) => /next(\/dist\/bin\/next)? build\b/.test(row));
  return line ? Number(line.trim().split(/\s+/)[0]) : null;
}

describe("npm run build while the app serves", () => {
  test("the sign-in page answers 200 throughout; the new build is current and served after a restart", async () => {
    const before = currentBuild(repositoryRoot);
    expect(before, "global setup made a build").not.toBeNull();
    expect(servedFolder(server.logLines())).toBe(before?.distDir);

    const watch = watchSignInPage(server.baseUrl);
    // Next's build replaced by a copy of the current build (TARHUNA_NEXT_BUILD_SCRIPT,
    // scripts/support/production-build.ts): what is judged here is what `npm run build` does around
    // it; Next's build itself, CI's own `npm run build` runs. The copy stops half-way until the
    // running server has answered more than 20 times with the new folder half written.
    const resumeFile = path.join(os.tmpdir(), `tarhuna-build-swap-${process.pid}-${Date.now()}`);
    const build = startProcessGroup("npm", ["run", "build"], {
      cwd: repositoryRoot,
      env: childEnvironment({ TARHUNA_NEXT_BUILD_SCRIPT: COPY_BUILD_SCRIPT, COPY_BUILD_RESUME_FILE: resumeFile }),
    });
    let output = "";
    let exited = false;
    void build.exited.then(() => (exited = true));
    try {
      await until(() => build.output.toString().includes(HALF_COPIED) || exited, () => `the copy never got half-way:\n${build.output}`);
      expect(build.output.toString(), "the build ended before its copy was half-way").toContain(HALF_COPIED);
      const answersBefore = watch.answers();
      await until(() => watch.answers() - answersBefore > 20, () => `${watch.answers() - answersBefore} answers in 2 minutes`);
      fs.writeFileSync(resumeFile, "");
      const exitCode = await Promise.race([build.exited, sleep(BUILD_TIMEOUT_MILLISECONDS).then(() => "timed out")]);
      output = build.output.toString();
      expect(exitCode, output).toBe(0);
    } finally {
      await stopProcessGroup(build);
      fs.rmSync(resumeFile, { force: true });
    }
    const after = currentBuild(repositoryRoot);
    // A few seconds more after the swap: the running server must not notice it.
    await sleep(3_000);
    await watch.stop();

    expect(watch.failures, output).toEqual([]);
    expect(watch.answers()).toBeGreaterThan(20);
    expect(after?.id).not.toBe(before?.id);
    expect(output).toContain(`${after?.distDir} is now the current build`);
    // The running server's build is kept, and it still serves it whole, scripts included.
    expect(fs.existsSync(path.join(before?.path ?? "", "BUILD_ID"))).toBe(true);
    await expectSignInPageWhole(server.baseUrl);
    // The field-capture service worker precaches its build's scripts, found in the build's own folder.
    const worker = await fetch(`${server.baseUrl}/serwist/sw.js`);
    expect(await worker.text()).toMatch(/url"?:\s*"\/_next\/static\/chunks\//);

    const restarted = await startAppServer({ keepLog: true });
    try {
      const { version } = JSON.parse(fs.readFileSync(path.join(repositoryRoot, "package.json"), "utf8")) as { version: string };
      const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: repositoryRoot, encoding: "utf8" }).trim();
      expect(readyLine(restarted.logLines())).toMatchObject({ build: after?.distDir, version, commit });
      await expectSignInPageWhole(restarted.baseUrl);
    } finally {
      await restarted.stop();
    }
  }, BUILD_TIMEOUT_MILLISECONDS + 120_000);

  test("a build that fails leaves the current build, and the running server, as they were", async () => {
    const before = currentBuild(repositoryRoot);
    const foldersBefore = buildFolderNames();
    const watch = watchSignInPage(server.baseUrl);
    let build: ProcessGroup | undefined;
    try {
      build = startProcessGroup("npm", ["run", "build"], { cwd: repositoryRoot, env: childEnvironment() });
      const groupId = build.child.pid ?? 0;
      // Next's build is stopped once it runs: it fails as a build cut short by the machine would.
      let nextBuild: number | null = null;
      for (let waited = 0; nextBuild === null && waited < 300_000; waited += 250) {
        await sleep(250);
        nextBuild = nextBuildProcess(groupId);
      }
      expect(nextBuild, build.output.toString()).not.toBeNull();
      await sleep(2_000);
      process.kill(nextBuild ?? 0, "SIGTERM");
      const exitCode = await build.exited;
      await sleep(2_000);
      await watch.stop();

      const output = build.output.toString();
      expect(exitCode, output).toBe(1);
      expect(output).toContain(`The build failed: ${before?.distDir} is still the current build`);
      expect(currentBuild(repositoryRoot)?.id).toBe(before?.id);
      expect(buildFolderNames().sort()).toEqual(foldersBefore.sort());
      expect(watch.failures).toEqual([]);
      await expectSignInPageWhole(server.baseUrl);
    } finally {
      await watch.stop();
      if (build) await stopProcessGroup(build);
    }
  }, 600_000);
});
