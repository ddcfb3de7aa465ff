import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { BROWSER_FILES_RUN_ALONE } from "@/tests/e2e-files-alone";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
/**
 * What changes a module or the environment for every later file of a worker that does not isolate
 * them (the e2e project, vitest.config.ts): a mock or a stub, or a setting written into process.env.
 */
const CHANGES_SHARED_STATE = /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(|process\.env(\.\w+|\[[^\]]+\])\s*(=(?!=)|\?\?=|\|\|=)|delete process\.env/;

function browserFiles(): string[] {
  return fs
    .readdirSync(path.join(repositoryRoot, "tests", "e2e"))
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => `tests/e2e/${file}`);
}

it("shares a worker only between browser files that replace no module nor the environment", () => {
  const sharing = browserFiles().filter((file) => !BROWSER_FILES_RUN_ALONE.includes(file));
  expect(sharing.length).toBeGreaterThan(0);
  const changing = sharing.filter((file) => CHANGES_SHARED_STATE.test(fs.readFileSync(path.join(repositoryRoot, file), "utf8")));
  expect(changing).toEqual([]);
});

it("names only browser files that exist among those run alone", () => {
  expect(BROWSER_FILES_RUN_ALONE.filter((file) => !browserFiles().includes(file))).toEqual([]);
});

it("recognises what would change a shared worker's state", () => {
  // The mock is spelt in two halves, so that this file does not itself look like one that mocks (unit-isolation.test.ts).
  for (const text of [["vi", 'mock("@/lib/x")'].join("."), 'process.env.TEST_POSTGRES_URL = "x"', 'process.env["X"] ??= "1"', "delete process.env.X"]) {
    expect(CHANGES_SHARED_STATE.test(text), text).toBe(true);
  }
  expect(CHANGES_SHARED_STATE.test('const url = process.env.TEST_POSTGRES_URL ?? "x";')).toBe(false);
});
