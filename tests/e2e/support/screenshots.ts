import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { repositoryRoot } from "./repository-root";

export const screenshotDirectory = path.join(repositoryRoot, "test-results");

function fileNamePart(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** test-results/<test name>[-<label>].png, so a screenshot can be traced back to the test that took it. */
export function screenshotPath(testName: string, label?: string): string {
  fs.mkdirSync(screenshotDirectory, { recursive: true });
  const name = [testName, label].filter((part): part is string => Boolean(part)).map(fileNamePart).join("-");
  return path.join(screenshotDirectory, `${name}.png`);
}

/**
 * Whether the screenshots a test takes of itself on its way (for a person to look at; none is
 * judged) are taken: yes, unless E2E_SCREENSHOTS=failures, which `.ci/run` sets, where nobody looks
 * at a passing run's pictures and each full-page shot costs 0.4–0.8 CPU-s of Chromium
 * (bench/RESULTS.md, "CI time"). A failing test's screenshot ("<test name>-failure.png",
 * open-page.ts) is taken either way.
 */
export function passingScreenshotsWanted(environment: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return environment.E2E_SCREENSHOTS !== "failures";
}

/**
 * A screenshot of the page or of one element to test-results/<test name>[-<label>].png, unless
 * passing tests' screenshots are not wanted (passingScreenshotsWanted). An element's screenshot
 * waits for the element to be visible; without the screenshot the test still waits for that.
 */
export async function keepScreenshot(
  target: Page | Locator,
  testName: string,
  label?: string,
  options: { fullPage?: boolean } = {},
  environment: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  const isLocator = "waitFor" in target;
  if (!passingScreenshotsWanted(environment)) {
    if (isLocator) await target.waitFor({ state: "visible" });
    return;
  }
  const file = screenshotPath(testName, label);
  if (isLocator) await target.screenshot({ path: file });
  else await target.screenshot({ path: file, ...options });
}
