import fs from "node:fs";
import { beforeAll } from "vitest";

/**
 * A setup file of the `e2e-alone` project (vitest.config.ts). `.ci/run` runs the benchmarks' smoke
 * run in the background while the browser files that run side by side take the cores, and names in
 * E2E_ALONE_AFTER the file its background job writes when it ends: the files that run alone judge
 * answers under load or a stall, so none starts before that file exists. Unset, nothing is awaited.
 */
const doneFile = process.env.E2E_ALONE_AFTER;
const WAIT_MILLISECONDS = 10 * 60_000;

beforeAll(async () => {
  if (!doneFile) return;
  const deadline = Date.now() + WAIT_MILLISECONDS;
  while (!fs.existsSync(doneFile)) {
    if (Date.now() > deadline) throw new Error(`E2E_ALONE_AFTER: ${doneFile} did not appear within ${WAIT_MILLISECONDS / 60_000} min (the background work of .ci/run did not end)`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, WAIT_MILLISECONDS + 10_000);
