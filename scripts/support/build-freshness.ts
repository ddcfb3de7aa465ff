import fs from "node:fs";
import path from "node:path";
import { currentBuild } from "./build-folders.mjs";

/** What a production build is made from: a change to any of these calls for a new build. */
const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
];

function newestModification(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, child) => Math.max(newest, newestModification(path.join(entry, child))), stat.mtimeMs);
}

/** True when there is no current build or a source changed after it was made. */
export function buildIsStale(root: string = process.cwd()): boolean {
  const build = currentBuild(root);
  const buildId = build && fs.statSync(path.join(build.path, "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return true;
  return SOURCES.some((source) => newestModification(path.join(root, source)) > buildId.mtimeMs);
}
