/**
 * Variables vitest adds to its own process (NODE_ENV=test, DEV=1, MODE=test, ...). Inherited by
 * `next build` or `next start` they would make the app believe it runs under a test runner in
 * development, which is not what a user gets.
 */
const TEST_RUNNER_VARIABLES = ["NODE_ENV", "TEST", "VITEST", "PROD", "DEV", "BASE_URL", "MODE", "SSR"];

/** The environment for a command the e2e harness runs: the user's, minus the test runner's, plus overrides. */
export function childEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(environment)) {
    if (TEST_RUNNER_VARIABLES.includes(name) || name.startsWith("VITEST_")) delete environment[name];
  }
  // Each test file gets its own embedded database; a DATABASE_URL from the shell (CI sets one for
  // the integration tests) would point the app at a shared server holding other data instead.
  delete environment.DATABASE_URL;
  // The build and the server must not try to reach the network to report telemetry.
  environment.NEXT_TELEMETRY_DISABLED = "1";
  // The servers of the browser tests serve the seeded demonstration, which production refuses
  // without this (lib/server/startup.ts); a test of that refusal sets it to "0".
  environment.TARHUNA_DEMO = "1";
  return { ...environment, ...overrides };
}
