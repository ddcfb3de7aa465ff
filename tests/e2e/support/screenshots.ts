import fs from "node:fs";
import path from "node:path";
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
