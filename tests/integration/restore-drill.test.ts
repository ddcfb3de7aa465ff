import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { lastOperation } from "@/lib/backup/operations-record";
import { testBackends, type TestDatabase } from "./support/databases";
import { runScriptInProcess } from "./support/run-script-in-process";

const backends = await testBackends();
const postgresBackend = backends.find((backend) => backend.name === "PostgreSQL");
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const backupDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-drill-test-"));
let liveName = "";
let live: TestDatabase | undefined;

afterAll(async () => {
  fs.rmSync(backupDirectory, { recursive: true, force: true });
  await live?.dispose();
});

async function drillDatabasesLeft(): Promise<string[]> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    return (await admin<{ name: string }[]>`select datname as name from pg_database where datname like ${`${liveName}_drill_%`}`).map((row) => row.name);
  } finally {
    await admin.end({ timeout: 1 });
  }
}

async function lastRecords(url: string) {
  const handle = await openDatabase({ kind: "postgres", url }, { maxConnections: 1 });
  try {
    return { backup: await lastOperation(handle.db, "backup"), drill: await lastOperation(handle.db, "drill") };
  } finally {
    await handle.close();
  }
}

describe.skipIf(postgresBackend?.skip ?? true)("npm run restore:drill on PostgreSQL", () => {
  it("restores the newest backup into a scratch database, verifies it, compares it with the live rows, reports and records the result", async () => {
    // A copy of the run's seeded demo database (support/seeded-templates.ts), instead of seeding again.
    live = await postgresBackend!.createWithDemoData();
    if (live.handle.config.kind !== "postgres") throw new Error("the PostgreSQL backend gave another engine");
    const liveUrl = live.handle.config.url;
    liveName = new URL(liveUrl).pathname.slice(1);
    // The commands below open it themselves.
    await live.handle.close();
    const settings = { DATABASE_URL: liveUrl, BACKUP_DIR: backupDirectory };

    const none = await runScriptInProcess("scripts/restore-drill.ts", settings);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain(`No backup of this database in ${backupDirectory}`);

    const backup = await runScriptInProcess("scripts/backup.ts", settings);
    expect(backup.exitCode, backup.stderr).toBe(0);
    expect((await lastRecords(liveUrl)).backup).toMatchObject({ ok: true, problems: [] });

    const drill = await runScriptInProcess("scripts/restore-drill.ts", settings);
    expect(drill.exitCode, drill.stderr).toBe(0);
    expect(drill.stdout).toMatch(/^Restore drill of \d{4}-\d{2}-\d{2}T/);
    expect(drill.stdout).toContain("Audit chain intact");
    expect(drill.stdout).toContain("Matches the backup's manifest");
    expect(drill.stdout).toMatch(/^ {2}missing_persons: (\d+) \/ \1$/m);
    expect(drill.stdout).toContain("Result: the backup restores whole.");
    const recorded = await lastRecords(liveUrl);
    expect(recorded.drill).toMatchObject({ ok: true, problems: [] });
    expect(recorded.drill?.file).toBe(recorded.backup?.file);
    expect(await drillDatabasesLeft()).toEqual([]);

    // A backup that does not restore to what its manifest recorded fails the drill, and says so on the dashboard.
    const manifestFile = `${recorded.backup?.file}.manifest.json`;
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { auditHead: { hash: string } };
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, auditHead: { ...manifest.auditHead, hash: "0".repeat(64) } }));
    const failed = await runScriptInProcess("scripts/restore-drill.ts", settings);
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain("FAILED: manifest: audit entry");
    expect((await lastRecords(liveUrl)).drill).toMatchObject({ ok: false });
    expect(await drillDatabasesLeft()).toEqual([]);
  });
});
