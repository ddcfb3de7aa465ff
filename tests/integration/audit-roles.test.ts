import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { appendAuditEntry } from "@/lib/audit/append";
import { auditLogPrivilegeWarning } from "@/lib/audit/database-roles";
import { verifyAuditChain } from "@/lib/audit/verify";
import { testBackends } from "./support/databases";

const backends = await testBackends();
const postgresBackend = backends.find((backend) => backend.name === "PostgreSQL");
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const suffix = randomBytes(4).toString("hex");
const names = { database: `tarhuna_roles_${suffix}`, owner: `tarhuna_owner_${suffix}`, app: `tarhuna_app_${suffix}` };

function urlFor(role: string): string {
  const url = new URL(ADMIN_URL);
  url.username = role;
  url.password = "";
  url.pathname = `/${names.database}`;
  return url.toString();
}

/** What the database can refuse to the app's role; the reason PostgreSQL gave, or "allowed". */
async function attempt(handle: DatabaseHandle, statement: string): Promise<string> {
  try {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql.raw(statement));
      // Never keep what an allowed statement did: the question is only whether it was refused.
      throw new Error("allowed");
    });
    return "allowed";
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? (error instanceof Error ? error.message : String(error));
  }
}

// PGlite has a single role, so there is no separate app role to restrict; on PostgreSQL only.
describe.skipIf(postgresBackend?.skip ?? true)("the app's database role on PostgreSQL (owner runs migrations)", () => {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  let app: DatabaseHandle;
  let owner: DatabaseHandle;

  beforeAll(async () => {
    await admin.unsafe(`create role ${names.owner} login`);
    await admin.unsafe(`create role ${names.app} login`);
    await admin.unsafe(`create database ${names.database} owner ${names.owner}`);
    app = await openDatabase({ kind: "postgres", url: urlFor(names.app) }, { maxConnections: 2 });
    owner = await openDatabase({ kind: "postgres", url: urlFor(names.owner) }, { maxConnections: 1 });
    await migrateDatabase(app, { MIGRATION_DATABASE_URL: urlFor(names.owner) });
  });

  afterAll(async () => {
    await app?.close();
    await owner?.close();
    await admin.unsafe(`drop database if exists ${names.database} with (force)`);
    await admin.unsafe(`drop role if exists ${names.app}`);
    await admin.unsafe(`drop role if exists ${names.owner}`);
    await admin.end({ timeout: 1 });
  });

  it("adds and reads audit entries as the app role, and starts without applying migrations itself", async () => {
    await app.db.transaction((tx) => appendAuditEntry(tx, { actorId: null, actorLabel: "app", action: "test.insert", entity: "system" }));
    expect(await verifyAuditChain(app.db)).toMatchObject({ ok: true, count: 1 });
    await expect(migrateDatabase(app, {})).resolves.toBeUndefined();
  });

  it.each([
    ["UPDATE", "update audit_log set actor_label = 'forger'"],
    ["DELETE", "delete from audit_log"],
    ["TRUNCATE", "truncate audit_log"],
    ["DISABLE TRIGGER", "alter table audit_log disable trigger audit_log_append_only"],
    ["DELETE a custody event", "delete from custody_events"],
    ["DELETE a checkpoint", "delete from audit_checkpoints"],
  ])("refuses the app role %s on the evidence tables", async (_what, statement) => {
    expect(await attempt(app, statement)).toMatch(/permission denied|must be owner/);
  });

  it("lets the owner role do what only it should (here: disable the trigger)", async () => {
    expect(await attempt(owner, "alter table audit_log disable trigger audit_log_append_only")).toBe("allowed");
  });

  it("warns at start when the connected role owns audit_log, not when it is the app role", async () => {
    expect(await auditLogPrivilegeWarning(app.db)).toBeNull();
    expect(await auditLogPrivilegeWarning(owner.db)).toContain(`"${names.owner}" owns audit_log`);
  });
});
