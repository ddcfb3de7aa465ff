import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { auditLog, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/argon2";
import { testBackends, type TestDatabase } from "./support/databases";
import { uniqueSuffix } from "./support/factories";
import { runScript, type ScriptResult } from "./support/run-script";
import { runScriptInProcess } from "./support/run-script-in-process";

const PASSWORD = "a long walk to tarhuna";

/**
 * Runs scripts/user-create.ts as `npm run user:create` does, with `input` piped to standard input:
 * spawned for real by the first test, in this process by the others (support/run-script-in-process.ts).
 */
function runUserCreate(databaseUrl: string, commandArguments: string[], input: string, how: "spawned" | "in-process" = "in-process"): Promise<ScriptResult> {
  const environment = { DATABASE_URL: databaseUrl };
  return how === "spawned"
    ? runScript("scripts/user-create.ts", environment, commandArguments, input)
    : runScriptInProcess("scripts/user-create.ts", environment, commandArguments, input);
}

const postgres = (await testBackends()).find((backend) => backend.name === "PostgreSQL");

describe.skipIf(!postgres || postgres.skip)("user:create on a throw-away PostgreSQL database", () => {
  let testDatabase: TestDatabase | undefined;
  const opened = () => {
    if (!testDatabase || testDatabase.handle.config.kind !== "postgres") throw new Error("the test database is not open");
    return { db: testDatabase.handle.db, url: testDatabase.handle.config.url };
  };
  const findUser = async (username: string) => (await opened().db.select().from(users).where(eq(users.username, username)))[0];

  beforeAll(async () => {
    testDatabase = await postgres?.create();
    if (testDatabase) await migrateDatabase(testDatabase.handle);
  });
  afterAll(async () => {
    await testDatabase?.dispose();
  });

  it("creates the first administrator with the password from standard input, audited as the command line", async () => {
    const username = `chief-${uniqueSuffix()}`;
    const result = await runUserCreate(opened().url, ["--username", username, "--role", "admin", "--display-name", "رئيس السجل"], `${PASSWORD}\n`, "spawned");
    expect(result, result.stderr).toMatchObject({ exitCode: 0 });

    const user = await findUser(username);
    expect(user).toMatchObject({ role: "admin", displayName: "رئيس السجل", mustChangePassword: false, disabled: false });
    expect(user && (await verifyPassword(user.passwordHash, PASSWORD))).toBe(true);
    const [entry] = await opened().db.select().from(auditLog).where(eq(auditLog.entityId, user?.id ?? ""));
    expect(entry).toMatchObject({ action: "user.create", actorId: null, actorLabel: "command line" });
    expect(JSON.stringify(entry)).not.toContain(PASSWORD);
  });

  it("refuses --password with exit code 1 and one clear line, creating nothing", async () => {
    const username = `chief-${uniqueSuffix()}`;
    const result = await runUserCreate(opened().url, ["--username", username, "--role", "admin", "--password", "x"], "");
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("--password is not accepted");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await findUser(username)).toBeUndefined();
  });

  it("refuses a weak password and a username already in use, with exit code 1", async () => {
    const username = `chief-${uniqueSuffix()}`;
    const weak = await runUserCreate(opened().url, ["--username", username, "--role", "admin"], "password1234\n");
    expect(weak).toMatchObject({ exitCode: 1 });
    expect(weak.stderr).toContain("too common");

    expect((await runUserCreate(opened().url, ["--username", username, "--role", "viewer"], `${PASSWORD}\n`)).exitCode).toBe(0);
    const taken = await runUserCreate(opened().url, ["--username", username.toUpperCase(), "--role", "admin"], `${PASSWORD}\n`);
    expect(taken).toMatchObject({ exitCode: 1 });
    expect(taken.stderr).toContain("already in use");
  });
});
