import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { currentBuild, makeCurrent, newBuildFolder, pruneBuilds, type BuildFolder } from "./build-folders.mjs";
import { runBin, runProgram } from "./next-server";
import { buildTemplate } from "./pglite-template";

/** The current build and the one before it, at least: servers started before this build serve the latter. */
export const DEFAULT_BUILDS_KEPT = 3;
/** The tsconfig `next build` reads (next.config.js): Next writes this build's type folders into it. */
const BUILD_TSCONFIG = "tsconfig.next-build.json";

/** What the running server reports as its version (lib/release/running-version.ts). */
function buildInfo(): Record<string, string | null> {
  const { version } = JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string };
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // A copy without git (an unpacked release archive): the version alone names it.
  }
  return { version, commit, builtAt: new Date().toISOString() };
}

/**
 * TARHUNA_NEXT_BUILD_SCRIPT names a Node script run in place of `next build`, with the environment
 * `next build` gets (TARHUNA_DIST_DIR: the new folder it must fill). Only for
 * tests/e2e/build-swap.test.ts, which judges what this file does around Next's build (the new folder,
 * the atomic swap, the builds kept, a failed build) and gives a script that copies the current build
 * (tests/e2e/support/copy-current-build.mjs) instead of compiling the same code again for a minute and
 * more on both cores; Next's own build is what every other `npm run build` runs, CI's among them.
 */
const NEXT_BUILD_SCRIPT = process.env.TARHUNA_NEXT_BUILD_SCRIPT?.trim() || null;

function runNextBuild(env: NodeJS.ProcessEnv): Promise<void> {
  if (!NEXT_BUILD_SCRIPT) return runBin("next", ["build"], env);
  console.log(`Next's build replaced by ${NEXT_BUILD_SCRIPT} (TARHUNA_NEXT_BUILD_SCRIPT).`);
  return runProgram(process.execPath, [NEXT_BUILD_SCRIPT], env, NEXT_BUILD_SCRIPT);
}

/** Next's production build into the new folder, then the prebuilt embedded database beside it. */
async function buildInto(build: BuildFolder, previous: BuildFolder | null): Promise<void> {
  fs.copyFileSync("tsconfig.json", BUILD_TSCONFIG);
  try {
    await runNextBuild({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", TARHUNA_DIST_DIR: build.distDir, TARHUNA_BUILD_TSCONFIG: BUILD_TSCONFIG });
  } finally {
    fs.rmSync(BUILD_TSCONFIG, { force: true });
  }
  const template = await buildTemplate(build.path, process.cwd(), previous?.path);
  console.log(template === "copied" ? "Prebuilt embedded database copied from the previous build (same migrations)." : "Prebuilt embedded database made.");
}

/**
 * The production build (`npm run build`, and `npm run demo` when the code changed): into a new
 * folder under .next-builds/, made the one `npm start` serves only once the whole build succeeded
 * (scripts/support/build-folders.mjs). A running server keeps its own build until it is restarted;
 * a failed build changes nothing. Then all but the `kept` newest builds are removed.
 */
export async function buildAndSwapIn(kept: number = DEFAULT_BUILDS_KEPT): Promise<void> {
  const previous = currentBuild();
  const build = newBuildFolder();
  console.log(`Building into ${build.distDir}; ${previous ? `${previous.distDir} stays the current build` : "there is no current build"} until it succeeds.`);
  try {
    await buildInto(build, previous);
  } catch (error) {
    // Left behind if a process of the stopped build still writes in it: a later build's prune removes it.
    fs.rmSync(build.path, { recursive: true, force: true, maxRetries: 3 });
    console.error(`The build failed: ${previous ? `${previous.distDir} is still the current build, and running servers are untouched` : "there is still no build to serve"}.`);
    throw error;
  }
  makeCurrent(build, buildInfo());
  console.log(`${build.distDir} is now the current build: \`npm start\` serves it; servers already running serve theirs until restarted.`);
  const removed = pruneBuilds(kept);
  if (removed.length > 0) console.log(`Removed older builds: ${removed.map((name) => path.posix.join(".next-builds", name)).join(", ")}.`);
}
