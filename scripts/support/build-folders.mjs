// Where production builds live. `npm run build` builds each one into a folder of its own under
// .next-builds/ and, only once it succeeded, points .next-builds/current at it; `npm start` serves the
// folder `current` named when it started. Next's build deletes its output folder first and a running
// server reads its files by path until it ends, so building in place broke the running server (the
// sign-in page answered 500 until restarted). Plain JavaScript: scripts/serve.mjs runs without tsx.
import fs from "node:fs";
import path from "node:path";

export const BUILDS_FOLDER = ".next-builds";
const CURRENT = "current";
/** Written into a build folder once everything in it is made; what the running version reports. */
export const BUILD_INFO_FILE = "tarhuna-build.json";
/** In a build folder while `npm run build` makes it: the pid of that build. */
const BUILDING_FILE = "building.pid";
/** Next's cache (type check, turbopack, images), shared by every build as `.next/cache` was. */
export const SHARED_CACHE_FOLDER = ".next-cache";

/**
 * @typedef {object} BuildFolder
 * @property {string} id       the folder's name under .next-builds/
 * @property {string} distDir  as next.config.js's distDir takes it: relative to the project folder
 * @property {string} path     absolute
 */

/** @param {string} projectRoot @param {string} id @returns {BuildFolder} */
function buildFolder(projectRoot, id) {
  const distDir = path.posix.join(BUILDS_FOLDER, id);
  return { id, distDir, path: path.join(projectRoot, distDir) };
}

/**
 * The build `npm start` serves, or null when there is none (never built, or `current` names a folder
 * without Next's BUILD_ID).
 * @param {string} [projectRoot]
 * @returns {BuildFolder | null}
 */
export function currentBuild(projectRoot = process.cwd()) {
  let id;
  try {
    id = fs.readlinkSync(path.join(projectRoot, BUILDS_FOLDER, CURRENT));
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  const build = buildFolder(projectRoot, id);
  return fs.existsSync(path.join(build.path, "BUILD_ID")) ? build : null;
}

/**
 * A new, empty folder for the build about to start, named so that names sort by age
 * (20261207T011500Z-4242). Its Next cache is the shared one, as an in-place build's was.
 * @param {string} [projectRoot]
 * @returns {BuildFolder}
 */
export function newBuildFolder(projectRoot = process.cwd()) {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const build = buildFolder(projectRoot, `${stamp}-${process.pid}`);
  fs.mkdirSync(build.path, { recursive: true });
  fs.writeFileSync(path.join(build.path, BUILDING_FILE), `${process.pid}\n`);
  fs.mkdirSync(path.join(projectRoot, SHARED_CACHE_FOLDER), { recursive: true });
  fs.symlinkSync(path.join("..", "..", SHARED_CACHE_FOLDER), path.join(build.path, "cache"));
  return build;
}

/**
 * Marks the build finished and makes it the current one. A new link is made beside `current` and
 * renamed over it: rename(2) replaces it in one step, so whoever reads `current` finds the old build
 * or the new one, never none. Servers already running keep the folder they started with.
 * @param {BuildFolder} build
 * @param {Record<string, unknown>} info what BUILD_INFO_FILE says (version, commit, time)
 * @param {string} [projectRoot]
 */
export function makeCurrent(build, info, projectRoot = process.cwd()) {
  fs.writeFileSync(path.join(build.path, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
  fs.rmSync(path.join(build.path, BUILDING_FILE), { force: true });
  const link = path.join(projectRoot, BUILDS_FOLDER, CURRENT);
  const replacement = `${link}.new-${process.pid}`;
  fs.rmSync(replacement, { force: true });
  fs.symlinkSync(build.id, replacement);
  fs.renameSync(replacement, link);
}

/**
 * What `npm run build` wrote about the build in `distDir` (version, commit, builtAt), or null for a
 * folder it did not make (e.g. `next build` run by hand).
 * @param {string} distDir relative to the project folder, as TARHUNA_DIST_DIR holds it
 * @param {string} [projectRoot]
 * @returns {Record<string, unknown> | null}
 */
export function readBuildInfo(distDir, projectRoot = process.cwd()) {
  try {
    return JSON.parse(fs.readFileSync(path.join(projectRoot, distDir, BUILD_INFO_FILE), "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** A folder some `npm run build` is still making (its process lives): never removed. */
function isBeingBuilt(folder) {
  try {
    const pid = Number(fs.readFileSync(path.join(folder, BUILDING_FILE), "utf8"));
    return Number.isInteger(pid) && pid > 0 && isAlive(pid);
  } catch (error) {
    if (error.code === "ENOENT") return false;
    throw error;
  }
}

/**
 * Removes old builds, keeping the `keep` newest finished ones (the current one among them, always):
 * the previous ones are what servers started before the last builds still serve. Folders of builds
 * that failed or were cut off are removed too, unless their build is still running.
 * @param {number} keep at least 2: the current build and the one before it
 * @param {string} [projectRoot]
 * @returns {string[]} the names of the folders removed
 */
export function pruneBuilds(keep, projectRoot = process.cwd()) {
  if (!Number.isInteger(keep) || keep < 2) throw new RangeError(`builds kept must be a whole number of at least 2, not ${keep}`);
  const root = path.join(projectRoot, BUILDS_FOLDER);
  const current = currentBuild(projectRoot)?.id;
  const folders = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const finished = folders.filter((name) => fs.existsSync(path.join(root, name, BUILD_INFO_FILE)));
  const kept = new Set([...(current ? [current] : []), ...finished.filter((name) => name !== current).slice(0, keep - 1)]);
  const removed = folders.filter((name) => !kept.has(name) && !isBeingBuilt(path.join(root, name)));
  for (const name of removed) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  return removed;
}
