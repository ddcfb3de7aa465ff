import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BROWSER_FILES_RUN_ALONE } from "./tests/e2e-files-alone";
import { INTEGRATION_FILES_SHARED } from "./tests/integration-files-shared";
import { InterleavedSequencer } from "./tests/interleaved-sequencer";
import { UNIT_FILES_ISOLATED } from "./tests/unit-files-isolated";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * `npm run test:ci` runs every project in one vitest run, the browser files side by side with the
 * unit and integration files (tests/interleaved-sequencer.ts), so that neither leaves a core idle
 * while it waits. One run's projects that run together must share their number of workers.
 */
const ALL_TESTS_IN_ONE_RUN = process.env.ALL_TESTS_IN_ONE_RUN === "1";
const WORKERS = 3;

/** What both integration projects share. */
const integrationTests = {
  environment: "node",
  // Migrates one PGlite and one PostgreSQL database per run; each test database copies one. Both
  // projects name it; it runs once for the two (support/global-setup.ts).
  globalSetup: ["tests/integration/support/global-setup.ts"],
  // Each isolated integration file runs in a process of its own, which compiles PGlite's 9 MB of
  // WebAssembly for its databases: V8's optimising tier (TurboFan) then costs some 3 CPU-s per file
  // that a test's few hundred statements never earn back (bench/RESULTS.md, "CI time", 2026-12-07
  // 16:58). Liftoff, V8's baseline WebAssembly compiler, runs the same PostgreSQL; the app itself
  // keeps V8's defaults.
  execArgv: ["--liftoff-only"],
  testTimeout: 120_000,
  hookTimeout: 300_000,
};

/** What both browser projects share; the global setup builds and seeds once for the two (global-setup.ts). */
const browserTests = {
  environment: "node",
  globalSetup: ["tests/e2e/support/global-setup.ts"],
  testTimeout: 120_000,
  hookTimeout: 600_000,
  // Page assertions retry (`await expect.poll(() => locator.innerText())…`) as long as a
  // locator waits for its element (open-page.ts), rather than judging the page at one instant.
  expect: { poll: { timeout: 15_000, interval: 100 } },
};

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests run server modules directly, outside Next's bundler, which is what would otherwise
      // resolve this marker to its empty module on the server side (docs/BOUNDARY.md).
      "server-only": `${root}node_modules/server-only/empty.js`,
    },
  },
  test: {
    // Three workers on two cores: integration files spend much of their time waiting on
    // PostgreSQL or on child processes, so a third file keeps both cores busy (bench/RESULTS.md,
    // CI timings). The browser files run two at a time at most (the e2e projects below).
    maxWorkers: WORKERS,
    sequence: { sequencer: InterleavedSequencer },
    projects: [
      {
        extends: true,
        // The unit files share their worker's modules instead of loading them again for each file
        // (tests/unit-files-isolated.ts): the files that mock a module run isolated, below.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], exclude: UNIT_FILES_ISOLATED, environment: "node", isolate: false },
      },
      {
        extends: true,
        test: { name: "unit-isolated", include: UNIT_FILES_ISOLATED, environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: INTEGRATION_FILES_SHARED,
          ...integrationTests,
        },
      },
      {
        extends: true,
        // The integration files listed in tests/integration-files-shared.ts (they replace no module
        // nor the environment) share their worker's modules instead of loading them anew for each
        // file, as the unit files do.
        test: { name: "integration-shared", include: INTEGRATION_FILES_SHARED, isolate: false, ...integrationTests },
      },
      {
        extends: true,
        test: {
          ...browserTests,
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: BROWSER_FILES_RUN_ALONE,
          // A worker keeps its modules (Playwright, the app's modules a file imports) and its Chromium
          // from one file to the next instead of starting both anew for each file (fixtures.ts,
          // browserForThisFile); each test still opens a browser context of its own, and the files
          // replace no module nor the environment (tests/unit/e2e-sharing.test.ts). Some 2–4 CPU-s
          // less a file (bench/RESULTS.md, "CI time", 2026-12-07 22:05–23:40).
          isolate: false,
          env: { E2E_BROWSER_PER_WORKER: "1" },
          // Two files at a time: a file that changes data has its own production server and data
          // (app-server.ts), the files that only read share one (shared-app-server.ts), so no file
          // sees another's changes, and one file alone leaves much of the second core
          // idle while it waits on its pages (bench/RESULTS.md, "CI time"). In one run with the
          // other projects they share its workers, spread among the other files.
          maxWorkers: ALL_TESTS_IN_ONE_RUN ? WORKERS : 2,
        },
      },
      {
        extends: true,
        test: {
          ...browserTests,
          name: "e2e-alone",
          include: BROWSER_FILES_RUN_ALONE,
          // One at a time, after the others (vitest runs projects without file parallelism last).
          fileParallelism: false,
          // And after whatever .ci/run runs in the background beside the others (E2E_ALONE_AFTER).
          setupFiles: ["tests/e2e/support/after-background-work.ts"],
        },
      },
    ],
  },
});
