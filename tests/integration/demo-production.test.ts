import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import { verifyAuditChain } from "@/lib/audit/verify";
import { countCaseRecords, holdsCaseRecords } from "@/lib/demo/holdings";
import { nonDemoUsernames, removeDemoData } from "@/lib/demo/remove";
import { demoRefusal } from "@/lib/server/demo-refusal";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";
import { testBackends, type TestDatabase } from "./support/databases";
import { createUser } from "./support/factories";
import { runScript } from "./support/run-script";
import { runScriptInProcess } from "./support/run-script-in-process";

const postgres = (await testBackends()).find((backend) => backend.name === "PostgreSQL");

/** Seeding the demo takes long on two busy cores: PostgreSQL alone, as the production setting. */
describe.skipIf(!postgres || postgres.skip)("demo and production never mix", () => {
  const opened: TestDatabase[] = [];
  const fresh = async () => {
    const database = await postgres!.create();
    opened.push(database);
    return database.handle;
  };
  /** A copy of the run's seeded demo database (support/seeded-templates.ts), instead of seeding again. */
  const freshDemo = async () => {
    const database = await postgres!.createWithDemoData();
    opened.push(database);
    return database.handle;
  };
  const urlOf = (handle: { config: { kind: string; url?: string } }) => (handle.config.kind === "postgres" ? (handle.config.url ?? "") : "");

  let demo: Awaited<ReturnType<typeof fresh>>;
  let realAdmin = "";
  beforeAll(async () => {
    // The README's old path: the demo loaded first, then the registry's own administrator added.
    demo = await freshDemo();
    expect(await isDemoDataLoaded(demo.db)).toBe(true);
    realAdmin = (await createUser(demo.db, "admin")).username;
  }, 180_000);
  afterAll(async () => {
    for (const database of opened) await database.dispose();
  });

  it("npm run demo refuses a database holding accounts that are not the demo's, before seeding or serving", async () => {
    const handle = await fresh();
    const user = await createUser(handle.db, "admin");
    const result = await runScript("scripts/demo.ts", { DATABASE_URL: urlOf(handle), DATA_DIR: undefined, PORT: "3987" });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`1 account(s) that are not demo accounts (${user.username})`);
    expect(holdsCaseRecords(await countCaseRecords(handle.db))).toBe(false);
    expect(await isDemoDataLoaded(handle.db)).toBe(false);
  });

  it("a production server refuses a database with the demo's accounts; the demo command's server may serve them", async () => {
    expect(await nonDemoUsernames(demo.db)).toEqual([realAdmin]);
    expect(await demoRefusal(demo.db, { NODE_ENV: "production", TARHUNA_DEMO: false })).toContain("npm run demo:remove -- --confirm");
    expect(await demoRefusal(demo.db, { NODE_ENV: "production", TARHUNA_DEMO: true })).toBeNull();
  });

  it("demo:remove refuses while something other than accounts and sign-ins was recorded after the demo, changing nothing", async () => {
    const handle = await freshDemo();
    expect(await isDemoDataLoaded(handle.db)).toBe(true);
    await runTransaction(handle.db, (tx) => appendAuditEntry(tx, { actorId: null, actorLabel: "registrar", action: "missingPerson.create", entity: "missing_person" }));
    const result = await removeDemoData(handle.db);
    expect(result).toMatchObject({ status: "refused" });
    expect(result.status === "refused" && result.reason).toContain("missingPerson.create");
    expect(await isDemoDataLoaded(handle.db)).toBe(true);
  }, 180_000);

  it("demo:remove --confirm removes every demo record and account in one audited step, keeping the real administrator", async () => {
    const unconfirmed = await runScriptInProcess("scripts/demo-remove.ts", { DATABASE_URL: urlOf(demo), DATA_DIR: undefined });
    expect(unconfirmed.exitCode).toBe(1);
    expect(unconfirmed.stderr).toContain("--confirm");
    expect(await isDemoDataLoaded(demo.db)).toBe(true);

    const result = await runScriptInProcess("scripts/demo-remove.ts", { DATABASE_URL: urlOf(demo), DATA_DIR: undefined }, ["--confirm"]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Accounts kept: ${realAdmin}`);
    expect((await demo.db.select({ username: users.username }).from(users)).map((row) => row.username)).toEqual([realAdmin]);
    expect(holdsCaseRecords(await countCaseRecords(demo.db))).toBe(false);
    expect(await isDemoDataLoaded(demo.db)).toBe(false);
    expect(await demoRefusal(demo.db, { NODE_ENV: "production", TARHUNA_DEMO: false })).toBeNull();
    const entries = await demo.db.select().from(auditLog);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "demo.remove", after: expect.objectContaining({ keptAccounts: [realAdmin] }) });
    expect((await verifyAuditChain(demo.db)).ok).toBe(true);
    // The kept administrator can still be found and signs in as before.
    expect(await demo.db.select().from(users).where(eq(users.username, realAdmin))).toHaveLength(1);
  });
});
