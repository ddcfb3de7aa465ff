import { describe, expect, it } from "vitest";
import type { TestSpecification, Vitest } from "vitest/node";
import { InterleavedSequencer, KNOWN_LONGEST_FILES } from "@/tests/interleaved-sequencer";

const ROOT = "/repo";

/** A file of a project as vitest hands it to the sequencer: its size on disk, and its duration if a run knew it. */
interface File {
  project: string;
  path: string;
  size: number;
  duration?: number;
}

function sequencer(files: File[]): { sequencer: InterleavedSequencer; specifications: TestSpecification[] } {
  const byKey = new Map(files.map((file) => [`${file.project}:${file.path}`, file]));
  const context = {
    config: { root: ROOT },
    cache: {
      getFileTestResults: (key: string) => {
        const duration = byKey.get(key)?.duration;
        return duration === undefined ? undefined : { duration, failed: false };
      },
      getFileStats: (key: string) => ({ size: byKey.get(key)?.size ?? 0 }),
    },
  } as unknown as Vitest;
  const specifications = files.map(
    (file) =>
      ({
        moduleId: `${ROOT}/${file.path}`,
        project: { name: file.project, config: { sequence: { groupOrder: 0 }, isolate: true } },
      }) as unknown as TestSpecification,
  );
  return { sequencer: new InterleavedSequencer(context), specifications };
}

const names = (sorted: TestSpecification[]) => sorted.map((file) => file.moduleId.slice(ROOT.length + 1));
const [longest, secondLongest] = KNOWN_LONGEST_FILES.filter((file) => file.startsWith("tests/integration/"));

describe("the order test files start in", () => {
  it("starts the files known to take longest first when no earlier run timed them, and the others largest first", async () => {
    const { sequencer: sorting, specifications } = sequencer([
      { project: "integration", path: "tests/integration/large.test.ts", size: 50_000 },
      { project: "integration", path: String(secondLongest), size: 9_000 },
      { project: "integration", path: "tests/integration/medium.test.ts", size: 20_000 },
      { project: "integration", path: String(longest), size: 10_000 },
      { project: "unit", path: "tests/unit/small.test.ts", size: 1_000 },
    ]);
    expect(names(await sorting.sort(specifications))).toEqual([
      longest,
      secondLongest,
      "tests/integration/large.test.ts",
      "tests/integration/medium.test.ts",
      "tests/unit/small.test.ts",
    ]);
  });

  it("keeps vitest's order, longest of the last run first, once a run timed every file", async () => {
    const { sequencer: sorting, specifications } = sequencer([
      { project: "integration", path: String(longest), size: 10_000, duration: 5_000 },
      { project: "integration", path: "tests/integration/large.test.ts", size: 50_000, duration: 90_000 },
    ]);
    expect(names(await sorting.sort(specifications))).toEqual(["tests/integration/large.test.ts", longest]);
  });
});
