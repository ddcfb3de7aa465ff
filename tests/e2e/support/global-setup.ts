import fs from "node:fs";
import path from "node:path";
import { childEnvironment } from "./child-environment";
import { repositoryRoot } from "./repository-root";
import { runCommand } from "./run-command";
import { screenshotDirectory } from "./screenshots";

const BUILD_TIMEOUT_MILLISECONDS = 15 * 60_000;

/**
 * The e2e tests run the production build, so it is built once per `npm run test:e2e`.
 * E2E_SKIP_BUILD=1 reuses an existing build while working on the tests themselves.
 */
export async function setup(): Promise<void> {
  // Screenshots left from an earlier run would pass for this run's.
  fs.rmSync(screenshotDirectory, { recursive: true, force: true });
  const buildIdFile = path.join(repositoryRoot, ".next", "BUILD_ID");
  if (process.env.E2E_SKIP_BUILD === "1") {
    if (fs.existsSync(buildIdFile)) {
      console.log("e2e: E2E_SKIP_BUILD=1, reusing the existing build in .next");
      return;
    }
    console.log("e2e: E2E_SKIP_BUILD=1 but .next/BUILD_ID is missing, building anyway");
  }
  const started = Date.now();
  // The build's output is only worth reading when it fails; runCommand puts it in the error then.
  await runCommand("npm", ["run", "build"], {
    cwd: repositoryRoot,
    env: childEnvironment(),
    timeoutMilliseconds: BUILD_TIMEOUT_MILLISECONDS,
  });
  console.log(`e2e: npm run build finished in ${Math.round((Date.now() - started) / 1000)} s`);
}
