import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { INTEGRATION_FILES_SHARED } from "@/tests/integration-files-shared";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
/**
 * What changes a module or the environment for every later file of a worker that does not isolate
 * them: a mock or a stub, the support module that mocks the request's session and database, or a
 * setting written into process.env.
 */
const CHANGES_SHARED_STATE = /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(|support\/mock-action-request|process\.env(\.\w+|\[[^\]]+\])\s*(=(?!=)|\?\?=|\|\|=)|delete process\.env/;

it("shares modules only between integration files that exist and replace no module nor the environment", () => {
  const listed = INTEGRATION_FILES_SHARED.map((file) => ({ file, text: fs.readFileSync(path.join(repositoryRoot, file), "utf8") }));
  expect(listed.filter(({ text }) => CHANGES_SHARED_STATE.test(text)).map(({ file }) => file)).toEqual([]);
  expect(new Set(INTEGRATION_FILES_SHARED).size).toBe(INTEGRATION_FILES_SHARED.length);
});

it("recognises what would change a shared worker's state", () => {
  // The mock is spelt in two halves, so that this file does not itself look like one that mocks (unit-isolation.test.ts).
  for (const text of [["vi", 'mock("@/lib/x")'].join("."), 'import "./support/mock-action-request";', 'process.env.DATA_DIR = "/tmp"', 'process.env["X"] ??= "1"', "delete process.env.X"]) {
    expect(CHANGES_SHARED_STATE.test(text), text).toBe(true);
  }
  expect(CHANGES_SHARED_STATE.test('if (process.env.CI === "1") skip();')).toBe(false);
});
