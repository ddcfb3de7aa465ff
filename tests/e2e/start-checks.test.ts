import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { currentBuild } from "@/scripts/support/build-folders.mjs";
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

/**
 * `npm start` (or another command) on DATA_DIR, expected to stop by itself; its exit code and
 * output. `settings` are added to a valid production environment; an empty value removes one.
 */
async function npmStart(
  dataDirectory: string,
  settings: Record<string, string> = {},
  command: [string, string[]] = ["npm", ["start"]],
): Promise<{ exitCode: number | string; output: string }> {
  const port = await findFreePort();
  const env = childEnvironment({
    DATA_DIR: dataDirectory,
    NODE_ENV: "production",
    PORT: String(port),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    ...settings,
  });
  for (const [name, value] of Object.entries(settings)) if (value === "") delete env[name];
  const group = startProcessGroup(command[0], command[1].map((argument) => argument.replace("$PORT", String(port))), { cwd: repositoryRoot, env });
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

describe("production start-up that could not be served safely", () => {
  test("npm start without NEXTAUTH_URL ends the start-up with one line saying what to set", async () => {
    const dataDirectory = path.join(scratch, "no-public-url");
    const { exitCode, output } = await npmStart(dataDirectory, { NEXTAUTH_URL: "" });

    expect(exitCode, output).toBe(1);
    expect(output).toContain("NEXTAUTH_URL is not set");
    expect(output).not.toContain("Ready on");
  });

  test("npm start with a 10-character AUTH_SECRET refuses, naming the variable", async () => {
    const { exitCode, output } = await npmStart(path.join(scratch, "short-secret-npm"), { AUTH_SECRET: "ten-chars!" });

    expect(exitCode, output).toBe(1);
    expect(output).toContain("AUTH_SECRET is too short");
    expect(output).not.toContain("Ready on");
  });

  test("the production server itself, started without npm start's checks, refuses a 10-character AUTH_SECRET", async () => {
    const { exitCode, output } = await npmStart(path.join(scratch, "short-secret-server"), { AUTH_SECRET: "ten-chars!" }, ["node", ["scripts/serve.mjs"]]);

    // Next runs the app's start-up check (instrumentation) once it listens, before any request.
    expect(exitCode, output).toBe(1);
    expect(output).toContain("AUTH_SECRET is too short");
  });

  test("a TRUSTED_PROXIES entry that is no address ends the start-up naming it", async () => {
    const { exitCode, output } = await npmStart(path.join(scratch, "bad-proxy"), { TRUSTED_PROXIES: "10.0.0.5, proxy.example" });

    expect(exitCode, output).toBe(1);
    expect(output).toContain('"proxy.example"');
  });

  test("plain `next start` refuses to serve production: it cannot tell a client's real address", async () => {
    // Pointed at the current build (by itself `next start` looks in .next, where `npm run build` no longer builds).
    const build = { TARHUNA_DIST_DIR: currentBuild(repositoryRoot)?.distDir ?? "" };
    const { exitCode, output } = await npmStart(path.join(scratch, "next-start"), build, [path.join(repositoryRoot, "node_modules", ".bin", "next"), ["start", "-p", "$PORT"]]);

    expect(exitCode, output).toBe(1);
    expect(output).toContain("npm start");
  });
});
