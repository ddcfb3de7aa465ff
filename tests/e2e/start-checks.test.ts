import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { childEnvironment } from "./support/child-environment";
import { findFreePort } from "./support/free-port";
import { startProcessGroup, stopProcessGroup } from "./support/process-group";
import { repositoryRoot } from "./support/repository-root";

let scratch = "";

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-start-checks-"));
});

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true });
});

/** `npm start` on DATA_DIR, expected to stop by itself; its exit code and output. */
async function npmStart(dataDirectory: string): Promise<{ exitCode: number | string; output: string }> {
  const env = childEnvironment({
    DATA_DIR: dataDirectory,
    NODE_ENV: "production",
    PORT: String(await findFreePort()),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
  });
  const group = startProcessGroup("npm", ["start"], { cwd: repositoryRoot, env });
  const exitCode = await Promise.race([group.exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 60_000))]);
  await stopProcessGroup(group);
  return { exitCode, output: group.output.toString() };
}

describe("npm start with a data folder it cannot use", () => {
  test("a database in use by another process ends the start-up with one line naming that process", async () => {
    const dataDirectory = path.join(scratch, "in-use");
    await fs.mkdir(dataDirectory);
    // This test runner is the live process holding the embedded database.
    await fs.writeFile(path.join(dataDirectory, "pglite.lock"), String(process.pid));

    const { exitCode, output } = await npmStart(dataDirectory);

    expect(exitCode, output).toBe(1);
    expect(output).toContain(`is in use by process ${process.pid}`);
    expect(output).not.toContain("Next.js");
    expect(await fs.readdir(dataDirectory)).toEqual(["pglite.lock"]);
  });

  test("a DATA_DIR that is a file, not a folder, ends the start-up with one line saying so", async () => {
    const notAFolder = path.join(scratch, "a-file");
    await fs.writeFile(notAFolder, "not a folder");

    const { exitCode, output } = await npmStart(notAFolder);

    expect(exitCode, output).toBe(1);
    expect(output).toMatch(/is not a folder/);
    expect(await fs.readFile(notAFolder, "utf8")).toBe("not a folder");
  });
});
