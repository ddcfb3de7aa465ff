import { expect, test } from "vitest";
import { childEnvironment } from "./support/child-environment";
import { repositoryRoot } from "./support/repository-root";
import { runCommand } from "./support/run-command";

/**
 * `npm run load -- --smoke` (a few seconds): visitors on the public page get no error while a
 * brute force on the family portal runs, and the brute force gets no more checked guesses than the
 * limit, and the addresses it claims in X-Forwarded-For are not believed. The script exits 1 otherwise, which runCommand turns into a failure with its output.
 */
test("a short load run with a concurrent brute force: no public error, no guess past the limit", async () => {
  const output = await runCommand("npx", ["tsx", "--import", "./scripts/support/register-server-only.mjs", "bench/load.ts", "--smoke"], {
    cwd: repositoryRoot,
    env: childEnvironment(),
    timeoutMilliseconds: 240_000,
  });
  const report = JSON.parse(output.slice(output.indexOf("{"), output.lastIndexOf("}") + 1)) as {
    publicPage: { requests: number; errors: number; non2xx: number };
    bruteForce: { guessesSent: number; guessesChecked: number; limit: number; addressesRecorded: number };
  };
  expect(report.publicPage.requests).toBeGreaterThan(0);
  expect(report.publicPage.errors + report.publicPage.non2xx).toBe(0);
  expect(report.bruteForce.guessesSent).toBeGreaterThan(report.bruteForce.limit);
  expect(report.bruteForce.guessesChecked).toBeLessThanOrEqual(report.bruteForce.limit);
  // Each guess claimed its own X-Forwarded-For address; the audit trail records the one real address.
  expect(report.bruteForce.addressesRecorded).toBe(1);
});
