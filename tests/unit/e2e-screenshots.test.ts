import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { keepScreenshot, screenshotDirectory } from "@/tests/e2e/support/screenshots";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** What a page or locator was asked to do, in order. */
function fakeTarget(kind: "page" | "locator"): { target: Page | Locator; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const screenshot = (options: unknown) => {
    calls.push(["screenshot", options]);
    return Promise.resolve(Buffer.alloc(0));
  };
  const waitFor = (options: unknown) => {
    calls.push(["waitFor", options]);
    return Promise.resolve();
  };
  const target = kind === "page" ? { screenshot } : { screenshot, waitFor };
  return { target: target as unknown as Page | Locator, calls };
}

describe("keepScreenshot (the browser tests' screenshots of passing steps)", () => {
  it("takes them by default, into test-results/", async () => {
    const page = fakeTarget("page");
    await keepScreenshot(page.target, "a test", "label", { fullPage: true }, {});
    expect(page.calls).toEqual([["screenshot", { path: path.join(screenshotDirectory, "a-test-label.png"), fullPage: true }]]);
    const element = fakeTarget("locator");
    await keepScreenshot(element.target, "a test", "map", {}, {});
    expect(element.calls).toEqual([["screenshot", { path: path.join(screenshotDirectory, "a-test-map.png") }]]);
  });

  it("skips them with E2E_SCREENSHOTS=failures, still waiting for an element to be visible", async () => {
    const environment = { E2E_SCREENSHOTS: "failures" };
    const page = fakeTarget("page");
    await keepScreenshot(page.target, "a test", "label", { fullPage: true }, environment);
    expect(page.calls).toEqual([]);
    const element = fakeTarget("locator");
    await keepScreenshot(element.target, "a test", "map", {}, environment);
    expect(element.calls).toEqual([["waitFor", { state: "visible" }]]);
  });

  it("is how every browser file photographs a passing step (a failure's screenshot aside)", () => {
    const directory = path.join(repositoryRoot, "tests", "e2e");
    const direct = fs
      .readdirSync(directory)
      .filter((file) => file.endsWith(".test.ts"))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(directory, file), "utf8")
          .split("\n")
          .filter((line) => /\.screenshot\(/.test(line) && !line.includes('"failure"'))
          .map((line) => `${file}: ${line.trim()}`),
      );
    expect(direct).toEqual([]);
  });
});
