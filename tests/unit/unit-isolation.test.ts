import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { UNIT_FILES_ISOLATED } from "@/tests/unit-files-isolated";

const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
/** What changes a module or the environment for every later file of a worker that does not isolate them. */
const CHANGES_SHARED_STATE = /\bvi\.(mock|doMock|stubEnv|stubGlobal)\(/;

it("runs isolated every unit file that mocks a module or stubs the environment, and no other", () => {
  const unitFolder = path.join(repositoryRoot, "tests", "unit");
  const mocking = fs
    .readdirSync(unitFolder, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .filter((file) => CHANGES_SHARED_STATE.test(fs.readFileSync(path.join(unitFolder, file), "utf8")))
    .map((file) => path.posix.join("tests", "unit", file.split(path.sep).join("/")))
    .sort();
  expect(mocking).toEqual([...UNIT_FILES_ISOLATED].sort());
});
