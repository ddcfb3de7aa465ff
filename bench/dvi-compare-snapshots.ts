import { readFileSync } from "node:fs";

/**
 * `npx tsx bench/dvi-compare-snapshots.ts BEFORE.json AFTER.json`: compares two snapshots of the DVI
 * layer (bench/dvi-snapshot.ts) figure by figure: every string and boolean must be equal, and every
 * number is compared by its relative difference. Prints the count of differences and the largest
 * relative difference; exit 1 when any non-number differs or a number differs by more than 1e-9.
 */
const [before, after] = [process.argv[2] ?? "", process.argv[3] ?? ""].map((path) => JSON.parse(readFileSync(path, "utf8")) as unknown);
let differences = 0;
let largest = 0;
let fatal = 0;
const where: string[] = [];
function walk(a: unknown, b: unknown, path: string) {
  if (typeof a === "number" && typeof b === "number") {
    if (a === b) return;
    const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    differences += 1;
    largest = Math.max(largest, relative);
    if (!(relative <= 1e-9)) {
      fatal += 1;
      if (where.length < 10) where.push(`${path}: ${a} vs ${b}`);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) {
      fatal += 1;
      if (where.length < 10) where.push(`${path}: length ${a.length} vs ${b.length}`);
    }
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) walk(a[i], b[i], `${path}[${i}]`);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  if (a !== b) {
    fatal += 1;
    if (where.length < 10) where.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
}
walk(before, after, "");
console.log(`numbers that differ: ${differences}; largest relative difference: ${largest}; differences that matter: ${fatal}`);
for (const line of where) console.log(`  ${line}`);
process.exit(fatal > 0 ? 1 : 0);
