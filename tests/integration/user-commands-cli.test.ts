import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, staffSignInThrottles, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/argon2";
import { activeSignInLocks } from "@/lib/auth/sign-in-throttle";
import { testBackends, type TestDatabase } from "./support/databases";
import { createUser } from "./support/factories";
import { runScript } from "./support/run-script";
import { runScriptInProcess } from "./support/run-script-in-process";

const postgres = (await testBackends()).find((backend) => backend.name === "PostgreSQL");

describe.skipIf(!postgres || postgres.skip)("user:list, user:unlock and user:reset-password on the command line", () => {
  let database: TestDatabase | undefined;
  const db = () => database!.handle.db;
  const url = () => (database!.handle.config.kind === "postgres" ? database!.handle.config.url : "");
  const entriesFor = async (userId: string) => db().select().from(auditLog).where(eq(auditLog.entityId, userId));

  beforeAll(async () => {
    database = await postgres!.create();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("user:list shows each account with its lock and no secret", async () => {
    const user = await createUser(db(), "registrar");
    await db().insert(staffSignInThrottles).values({
      key: `test:${user.username}`,
      username: user.username.toLowerCase(),
      attempts: 20,
      attemptLimit: 20,
      windowMinutes: 15,
      windowStartedAt: new Date(),
      lockedUntil: new Date(Date.now() + 60 * 60_000),
    });
    const result = await runScriptInProcess("scripts/user-list.ts", { DATABASE_URL: url(), DATA_DIR: undefined });
    expect(result.exitCode, result.stderr).toBe(0);
    const line = result.stdout.split("\n").find((row) => row.startsWith(`${user.username}\t`));
    expect(line).toMatch(/\tregistrar\tactive, locked until \d{4}-/);
    expect(result.stdout).not.toContain(user.passwordHash);
  });

  it("user:unlock lifts the locks from every address, audited as the command line", async () => {
    const [user] = await db().select().from(users).where(eq(users.role, "registrar"));
    expect(await activeSignInLocks(db(), [user!.username])).toHaveLength(1);
    const result = await runScriptInProcess("scripts/user-unlock.ts", { DATABASE_URL: url(), DATA_DIR: undefined }, ["--username", user!.username.toUpperCase()]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await activeSignInLocks(db(), [user!.username])).toHaveLength(0);
    expect(await entriesFor(user!.id)).toEqual([expect.objectContaining({ action: "user.liftSignInLocks", actorLabel: "command line", actorId: null })]);
  });

  it("user:reset-password takes the password from standard input, never from an argument, and makes the user choose their own", async () => {
    const user = await createUser(db(), "admin");
    const refused = await runScriptInProcess("scripts/user-reset-password.ts", { DATABASE_URL: url() }, ["--username", user.username, "--password", "x"]);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain("--password is not accepted");

    const password = "the well at bir el-ghanam";
    const result = await runScript("scripts/user-reset-password.ts", { DATABASE_URL: url() }, ["--username", user.username], `${password}\n`);
    expect(result.exitCode, result.stderr).toBe(0);
    const [changed] = await db().select().from(users).where(eq(users.id, user.id));
    expect(changed && (await verifyPassword(changed.passwordHash, password))).toBe(true);
    expect(changed).toMatchObject({ mustChangePassword: true, tokenVersion: user.tokenVersion + 1 });
    const entries = await entriesFor(user.id);
    expect(entries.map((entry) => entry.action)).toEqual(["user.resetPassword"]);
    expect(JSON.stringify(entries)).not.toContain(password);
  });

  it("user:reset-password --generate prints a new password once, and refuses an unknown account", async () => {
    const user = await createUser(db(), "viewer");
    const result = await runScriptInProcess("scripts/user-reset-password.ts", { DATABASE_URL: url() }, ["--username", user.username, "--generate"]);
    expect(result.exitCode, result.stderr).toBe(0);
    const printed = /Temporary password: (\S+)/.exec(result.stdout)?.[1] ?? "";
    const [changed] = await db().select().from(users).where(eq(users.id, user.id));
    expect(changed && (await verifyPassword(changed.passwordHash, printed))).toBe(true);

    const unknown = await runScriptInProcess("scripts/user-reset-password.ts", { DATABASE_URL: url() }, ["--username", "nobody-here", "--generate"]);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('There is no account named "nobody-here"');
  });
});
