import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The projects whose files drive a production server and a browser (vitest.config.ts). */
const BROWSER_PROJECTS = new Set(["e2e", "e2e-alone"]);

/**
 * The files that take longest (bench/RESULTS.md, "CI time"), longest first. Without timings of its
 * own from an earlier run (a fresh clone, as in CI) vitest starts the largest files first, and these
 * are not the largest: started late, the longest of them decided when the run ended (the hostile
 * input fuzz, 226 of the 257 s of the unit and integration tests, was about the nineteenth of 91
 * integration files by size). So, when vitest knows no duration for them, they start first, in this order.
 */
export const KNOWN_LONGEST_FILES = [
  "tests/integration/hostile-input.test.ts",
  "tests/integration/backup-restore.test.ts",
  "tests/integration/import-hostile.test.ts",
  "tests/integration/batched-duplicate-review.test.ts",
  "tests/integration/demo-seed.test.ts",
  "tests/integration/authorization-matrix.test.ts",
  "tests/integration/sampling-worklist.test.ts",
  // Browser files that start a server of their own (the files on the shared server wait for it).
  "tests/e2e/people-edit.test.ts",
  "tests/e2e/public-map.test.ts",
  "tests/e2e/arabic-first.test.ts",
  "tests/e2e/book-of-belongings.test.ts",
  "tests/e2e/identification-workflow.test.ts",
  "tests/e2e/embedded-kill.test.ts",
  // On the shared server, which answers by the time these start.
  "tests/e2e/staff-sign-in.test.ts",
];

/**
 * When one run holds the browser files and the others (`npm run test:ci`), spreads the browser
 * files evenly through the queue instead of leaving them, the smallest files, for the end: a
 * browser file keeps about a core busy (server and Chromium), an integration file much less (it
 * waits on PostgreSQL and child processes), so a mix keeps both cores busy from start to end.
 * Each list keeps BaseSequencer's order (slowest of the last run first, else largest first).
 */
export class InterleavedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = this.knownLongestFirst(await super.sort(files));
    const browser = sorted.filter((file) => BROWSER_PROJECTS.has(file.project.name));
    const others = sorted.filter((file) => !BROWSER_PROJECTS.has(file.project.name));
    if (browser.length === 0 || others.length === 0) return sorted;
    const merged: TestSpecification[] = [];
    let [b, o] = [0, 0];
    // Take next from whichever list is less far through, as a share of its length.
    while (b < browser.length || o < others.length) {
      const browserShare = b / browser.length;
      const otherShare = o / others.length;
      const next = o >= others.length || (b < browser.length && browserShare <= otherShare) ? browser[b++] : others[o++];
      if (next) merged.push(next);
    }
    return merged;
  }

  /** KNOWN_LONGEST_FILES that vitest has no duration for, moved to the front of their project's files. */
  private knownLongestFirst(sorted: TestSpecification[]): TestSpecification[] {
    const root = this.ctx.config.root;
    const rank = (file: TestSpecification): number => {
      const relative = path.relative(root, file.moduleId).split(path.sep).join("/");
      const known = KNOWN_LONGEST_FILES.indexOf(relative);
      if (known === -1 || this.ctx.cache.getFileTestResults(`${file.project.name}:${relative}`)) return KNOWN_LONGEST_FILES.length;
      return known;
    };
    const projects = [...new Set(sorted.map((file) => file.project.name))];
    // Array.prototype.sort is stable: every other file keeps vitest's order.
    return projects.flatMap((project) => sorted.filter((file) => file.project.name === project).sort((left, right) => rank(left) - rank(right)));
  }
}
