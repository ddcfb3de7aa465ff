/**
 * Browser files that judge how the server copes with load or a stall (an answer within 1 s while a
 * hostile workbook is read, a load run, a database that stops answering, an instance or a database
 * server killed behind a proxy or a standby): they run alone (the e2e-alone project in
 * vitest.config.ts), so that another file's work on the same two cores cannot decide their outcome.
 * Every other browser file runs in the e2e project, whose workers keep their modules and their
 * browser from one file to the next (tests/unit/e2e-sharing.test.ts says what such a file may not do).
 */
export const BROWSER_FILES_RUN_ALONE = [
  "tests/e2e/spreadsheet-import.test.ts",
  "tests/e2e/load-smoke.test.ts",
  "tests/e2e/database-hang.test.ts",
  // Two app instances and Caddy, or two PostgreSQL clusters: slow, and they judge time windows.
  "tests/e2e/reverse-proxy.test.ts",
  "tests/e2e/postgres-standby.test.ts",
  // Rebuilds the app while a server answers: the build takes both cores, and it judges every answer.
  "tests/e2e/build-swap.test.ts",
];
