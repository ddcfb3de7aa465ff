import fs from "node:fs";
import path from "node:path";

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

/** True when no build exists or a source changed after the last one. */
export function buildIsStale(root: string = process.cwd()): boolean {
  const buildId = fs.statSync(path.join(root, ".next", "BUILD_ID"), { throwIfNoEntry: false });
  if (!buildId) return true;
  return SOURCES.some((source) => newestModification(path.join(root, source)) > buildId.mtimeMs);
}
