// Run by `npm run build` in place of `next build` when TARHUNA_NEXT_BUILD_SCRIPT names this file
// (scripts/support/production-build.ts), for tests/e2e/build-swap.test.ts only. It fills the new
// build's folder (TARHUNA_DIST_DIR) with a copy of the current build, the current folder's name
// written in it (Next writes its distDir into the server's route code and manifests) replaced by the
// new one's, as Next's build into that folder would have written it. Like Next's build it first
// empties the folder, keeping what `npm run build` put there (the shared cache's link, its mark).
//
// With COPY_BUILD_RESUME_FILE set, it stops once half the files are copied, prints HALF_COPIED, and
// goes on once that file exists: the test judges the running server's answers while the new build's
// folder is half written, for as many answers as it wants, however fast the copy is.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { currentBuild } from "../../../scripts/support/build-folders.mjs";

export const HALF_COPIED = "copy-current-build: half of the files copied";
/** Made in the new folder by `npm run build` itself (build-folders.mjs, pglite-template.ts): not copied, not removed. */
const MADE_BY_NPM_RUN_BUILD = new Set(["cache", "building.pid", "tarhuna-build.json", "pglite-template"]);
const RESUME_WAIT_MILLISECONDS = 10 * 60_000;

/** Every file and link under `root` (relative paths), folders left out: a link is copied as a link, never followed. */
function entriesUnder(root, relative = "") {
  return fs.readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const inside = path.join(relative, entry.name);
    if (relative === "" && MADE_BY_NPM_RUN_BUILD.has(entry.name)) return [];
    return entry.isDirectory() ? entriesUnder(root, inside) : [inside];
  });
}

function copyEntry(from, to, relative, oldName, newName) {
  const source = path.join(from, relative);
  const target = path.join(to, relative);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const stat = fs.lstatSync(source);
  if (stat.isSymbolicLink()) {
    fs.symlinkSync(fs.readlinkSync(source), target);
    return;
  }
  const bytes = fs.readFileSync(source);
  if (bytes.includes(oldName)) fs.writeFileSync(target, bytes.toString("utf8").replaceAll(oldName, newName), { mode: stat.mode });
  else fs.copyFileSync(source, target);
}

function waitFor(file) {
  const deadline = Date.now() + RESUME_WAIT_MILLISECONDS;
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (fs.existsSync(file)) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`${file} did not appear within ${RESUME_WAIT_MILLISECONDS / 1000} s`));
      }
    }, 100);
  });
}

async function main() {
  const distDir = process.env.TARHUNA_DIST_DIR;
  const current = currentBuild();
  if (!distDir || !current) throw new Error("copy-current-build: needs TARHUNA_DIST_DIR and a current build to copy");
  const target = path.resolve(distDir);
  if (target === current.path) throw new Error("copy-current-build: asked to build into the current build's own folder");
  for (const name of fs.readdirSync(target)) {
    if (!MADE_BY_NPM_RUN_BUILD.has(name)) fs.rmSync(path.join(target, name), { recursive: true, force: true });
  }
  const entries = entriesUnder(current.path).sort();
  const half = Math.floor(entries.length / 2);
  const copy = (relative) => copyEntry(current.path, target, relative, current.distDir, distDir);
  entries.slice(0, half).forEach(copy);
  const resumeFile = process.env.COPY_BUILD_RESUME_FILE;
  if (resumeFile) {
    console.log(`${HALF_COPIED} (${half} of ${entries.length}); waiting for ${resumeFile}`);
    await waitFor(resumeFile);
  }
  entries.slice(half).forEach(copy);
  console.log(`copy-current-build: ${entries.length} files of ${current.distDir} copied into ${distDir}`);
}

// Imported by the test for HALF_COPIED: only run as `node copy-current-build.mjs`.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
