/**
 * The integration files that share their worker's modules (`isolate: false`, the integration-shared
 * project in vitest.config.ts) instead of loading them anew for each file: they
 * replace no module and no part of the environment, and open the databases they use themselves. Loading
 * each file's modules anew cost these files about a third of their CPU (bench/RESULTS.md, "CI
 * time", 2026-12-07 19:17–20:15). Every other integration file runs isolated, as before; a file that
 * mocks may not be listed (tests/unit/integration-sharing.test.ts).
 */
export const INTEGRATION_FILES_SHARED = [
  "tests/integration/audit-queries.test.ts",
  "tests/integration/audit-reads.test.ts",
  "tests/integration/audit-roles.test.ts",
  "tests/integration/batched-duplicate-review.test.ts",
  "tests/integration/constraints.test.ts",
  "tests/integration/database-refusal.test.ts",
  "tests/integration/database-stall.test.ts",
  "tests/integration/demo-seed.test.ts",
  "tests/integration/family-portal-news.test.ts",
  "tests/integration/family-sampling-advice.test.ts",
  "tests/integration/forensic-remains-list.test.ts",
  "tests/integration/import-kill.test.ts",
  "tests/integration/kinship-screen.test.ts",
  "tests/integration/media-store-s3.test.ts",
  "tests/integration/pglite-template.test.ts",
  "tests/integration/public-change-entries.test.ts",
  "tests/integration/public-figures-cache.test.ts",
  "tests/integration/read-authorization-matrix.test.ts",
  "tests/integration/register-identity.test.ts",
  "tests/integration/register-links-on-file.test.ts",
  "tests/integration/register-named-people.test.ts",
  "tests/integration/register-people.test.ts",
  "tests/integration/register-values.test.ts",
  "tests/integration/related-bodies.test.ts",
  "tests/integration/sampling-worklist.test.ts",
  "tests/integration/session-token.test.ts",
  "tests/integration/spreadsheet-import.test.ts",
  "tests/integration/text-search.test.ts",
];

