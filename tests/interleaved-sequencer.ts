import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The projects whose files drive a production server and a browser (vitest.config.ts). */
const BROWSER_PROJECTS = new Set(["e2e", "e2e-alone"]);

/**
 * When one run holds the browser files and the others (`npm run test:ci`), spreads the browser
 * files evenly through the queue instead of leaving them, the smallest files, for the end: a
 * browser file keeps about a core busy (server and Chromium), an integration file much less (it
 * waits on PostgreSQL and child processes), so a mix keeps both cores busy from start to end.
 * Each list keeps BaseSequencer's order (slowest of the last run first, else largest first).
 */
export class InterleavedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
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
}
