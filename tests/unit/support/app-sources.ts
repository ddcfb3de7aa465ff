import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The repository's root, for naming a file found by typeScriptFiles. */
export const REPOSITORY_ROOT = ROOT;

/** The path of every TypeScript file below these top-level folders (e.g. "app", "lib"). */
export function typeScriptFiles(folders: readonly string[]): string[] {
  return folders.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
}

/** The text of every TypeScript file of app/ and lib/: what tests read to find what the code writes. */
export function appAndLibSources(): string[] {
  return typeScriptFiles(["app", "lib"]).map((file) => readFileSync(file, "utf8"));
}
