import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

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
    // CI timings). The browser files run one at a time regardless (fileParallelism below).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Migrates one PGlite and one PostgreSQL database per run; each test database copies one.
          globalSetup: ["tests/integration/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          globalSetup: ["tests/e2e/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // Page assertions retry (`await expect.poll(() => locator.innerText())…`) as long as a
          // locator waits for its element (open-page.ts), rather than judging the page at one instant.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
