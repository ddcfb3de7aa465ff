import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import type { DatabaseConfig } from "@/db/config";
import { migrateDatabase } from "@/db/migrate";
import { verifyAuditChain } from "@/lib/audit/verify";
import { countRowsPerTable } from "@/lib/backup/table-counts";
import { seedDemoData } from "@/lib/demo/seed";
import { testBackends } from "./support/databases";
import { runScript } from "./support/run-script";
import { runScriptInProcess } from "./support/run-script-in-process";

const backends = await testBackends();
const postgresBackend = backends.find((backend) => backend.name === "PostgreSQL");
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const workDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-backup-"));
const createdDatabases: string[] = [];

async function withDatabase<T>(config: DatabaseConfig, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(config, { maxConnections: 2 });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** A database holding the demo records and their audit chain: what a real backup must carry. */
async function seededCounts(config: DatabaseConfig) {
  return withDatabase(config, async (handle) => {
    await migrateDatabase(handle);
    await seedDemoData(handle.db, { reset: false });
    return countRowsPerTable(handle.db);
  });
}

async function restoredState(config: DatabaseConfig) {
  return withDatabase(config, async (handle) => ({
    counts: await countRowsPerTable(handle.db),
    chain: await verifyAuditChain(handle.db),
  }));
}

/**
 * A pg_dump and a pg_restore that write down their command line (what `ps` shows every user of
 * the machine) before running the real program.
 */
function recordingClientPrograms(): { path: string; commandLines: () => string } {
  const directory = fs.mkdtempSync(path.join(workDirectory, "bin-"));
  const log = path.join(directory, "command-lines.log");
  for (const program of ["pg_dump", "pg_restore"]) {
    const wrapper = path.join(directory, program);
    fs.writeFileSync(wrapper, `#!/bin/sh\necho "${program} $*" >> "${log}"\nexec /usr/bin/${program} "$@"\n`, { mode: 0o755 });
  }
  return { path: `${directory}:${process.env.PATH ?? ""}`, commandLines: () => fs.readFileSync(log, "utf8") };
}

/** The server trusts local connections, so any password is accepted: what matters is where it travels. */
function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

const fileMode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

async function createPostgresDatabase(): Promise<string> {
  const name = `tarhuna_backup_${randomBytes(5).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`).finally(() => admin.end({ timeout: 1 }));
  createdDatabases.push(name);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  fs.rmSync(workDirectory, { recursive: true, force: true });
  if (createdDatabases.length === 0) return;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  for (const name of createdDatabases) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end({ timeout: 1 });
});

describe("backup and restore of the embedded database", () => {
  const source = path.join(workDirectory, "source");
  const target = path.join(workDirectory, "target");
  const archive = path.join(workDirectory, "embedded.pglite.tar.gz");

  it("restores into a fresh data folder with identical row counts and a verifying audit chain", async () => {
    const before = await seededCounts({ kind: "pglite", dataDir: path.join(source, "pglite") });

    const backup = await runScript("scripts/backup.ts", { DATABASE_URL: undefined, DATA_DIR: source, BACKUP_DIR: workDirectory });
    // Nothing on standard error but the line naming the database the command acted on.
    expect(backup.stderr.trim()).toBe(`Database: embedded PostgreSQL (PGlite) in ${path.join(source, "pglite")} (settings: the environment; no settings file)`);
    expect(backup.exitCode).toBe(0);
    expect(fileMode(backup.stdout.match(/written to (\S+)/)![1]!)).toBe("600");
    fs.renameSync(backup.stdout.match(/written to (\S+)/)![1]!, archive);

    // The backup and the restore just above and below are spawned as a person runs them; the
    // other calls of this file run the commands in this process (run-script-in-process.ts).
    const usage = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: undefined, DATA_DIR: target });
    expect(usage.exitCode).toBe(1);
    expect(usage.stderr).toContain("Usage");

    const restored = await runScript("scripts/restore.ts", { DATABASE_URL: undefined, DATA_DIR: target }, [archive]);
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("Audit chain intact");

    const after = await restoredState({ kind: "pglite", dataDir: path.join(target, "pglite") });
    expect(after.counts).toEqual(before);
    expect(before.missing_persons).toBeGreaterThan(400);
    expect(after.chain.ok).toBe(true);
  });

  it("refuses to restore over an existing database and leaves it untouched", async () => {
    const result = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: undefined, DATA_DIR: source }, [archive]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("already holds a database");
    const after = await restoredState({ kind: "pglite", dataDir: path.join(source, "pglite") });
    expect(after.chain.ok).toBe(true);
  });
});

describe.skipIf(postgresBackend?.skip ?? true)("backup and restore on PostgreSQL", () => {
  it("restores a pg_dump into a new database with identical row counts and a verifying audit chain", async () => {
    const password = "s3cret:pass\\word-for-backup";
    const sourceUrl = withPassword(await createPostgresDatabase(), password);
    const targetUrl = withPassword(await createPostgresDatabase(), password);
    const archive = path.join(workDirectory, "server.pgdump");
    const before = await seededCounts({ kind: "postgres", url: sourceUrl });
    const programs = recordingClientPrograms();

    const backup = await runScriptInProcess("scripts/backup.ts", { DATABASE_URL: sourceUrl, PATH: programs.path }, [archive]);
    expect(backup.exitCode, backup.stderr).toBe(0);
    expect(fileMode(archive)).toBe("600");
    // The manifest beside it: what a restore must bring back (rows per table, the audit chain's head).
    const manifestFile = `${archive}.manifest.json`;
    expect(fileMode(manifestFile)).toBe("600");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { counts: Record<string, number>; auditHead: { entryId: number } | null };
    expect(manifest.counts).toEqual(before);
    expect(manifest.auditHead?.entryId).toBeGreaterThan(0);

    const mismatched = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: undefined, DATA_DIR: workDirectory }, [archive]);
    expect(mismatched.exitCode).toBe(1);
    expect(mismatched.stderr).toContain("is a backup of PostgreSQL");

    const restored = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: targetUrl, PATH: programs.path }, [archive]);
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("Matches the backup's manifest");
    expect(programs.commandLines()).toMatch(/^pg_dump .*\npg_restore .*\n$/);
    expect(programs.commandLines()).not.toContain("s3cret");
    const after = await restoredState({ kind: "postgres", url: targetUrl });
    expect(after.counts).toEqual(before);
    expect(after.chain.ok).toBe(true);

    const again = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: targetUrl }, [archive]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain("already holds tables");

    // A restore that does not bring back what the manifest records is reported, exit 1.
    const thirdUrl = await createPostgresDatabase();
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, counts: { ...manifest.counts, remains: (manifest.counts.remains ?? 0) + 1 } }));
    const short = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: thirdUrl }, [archive]);
    expect(short.exitCode).toBe(1);
    expect(short.stderr).toContain("does NOT match the backup's manifest: remains:");
  });
});
