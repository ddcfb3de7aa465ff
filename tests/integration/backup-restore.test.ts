import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import type { DatabaseConfig } from "@/db/config";
import { verifyAuditChain } from "@/lib/audit/verify";
import { countRowsPerTable } from "@/lib/backup/table-counts";
import { demoDataTemplates, testBackends } from "./support/databases";
import { runScript } from "./support/run-script";
import { runScriptInProcess } from "./support/run-script-in-process";
import { seededMediaFolder } from "./support/seeded-templates";

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

const SCAN = Buffer.from("%PDF-1.4 the handover form both sides signed");

/**
 * A database holding the demo records and their audit chain (a copy of the run's seeded template,
 * support/seeded-templates.ts, instead of seeding again), and in `dataDir` the demo's effect
 * photographs (DATA_DIR/media, copied from the seed's) and one signed handover scan
 * (DATA_DIR/handover-scans) a handover names: what a real backup must carry.
 */
async function seededCounts(config: DatabaseConfig, dataDir: string) {
  // The template first: the seed that makes it writes the drawings copied next.
  const pgliteImage = config.kind === "pglite" ? await demoDataTemplates.pgliteImage() : undefined;
  if (config.kind === "postgres") await demoDataTemplates.postgresTemplate();
  fs.cpSync(seededMediaFolder(config.kind === "pglite" ? "PGlite" : "PostgreSQL"), path.join(dataDir, "media"), { recursive: true });
  const handle = await openDatabase(config, { maxConnections: 2, pgliteImage });
  try {
    const scanSha256 = createHash("sha256").update(SCAN).digest("hex");
    fs.mkdirSync(path.join(dataDir, "handover-scans"), { recursive: true });
    fs.writeFileSync(path.join(dataDir, "handover-scans", `${scanSha256}.pdf`), SCAN);
    await handle.db.execute(sql`
      insert into remains_handovers (identification_id, handed_over_at, place, received_by, received_by_relationship, staff_member, custody_event_id, scan_file, scan_sha256, scan_content_type, recorded_by)
      select identifications.id, now(), 'office', 'a brother', 'brother', 'registrar', (select id from custody_events order by id limit 1), ${`${scanSha256}.pdf`}, ${scanSha256}, 'application/pdf', (select id from users order by id limit 1)
      from identifications order by identifications.id limit 1`);
    return await countRowsPerTable(handle.db);
  } finally {
    await handle.close();
  }
}

/** Every file under `root` with its bytes, by path inside it: what a restore must give back byte for byte. */
function filesUnder(root: string): Map<string, Buffer> {
  const entries = fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, withFileTypes: true }) : [];
  return new Map(entries.filter((entry) => entry.isFile()).map((entry) => [path.relative(root, path.join(entry.parentPath, entry.name)), fs.readFileSync(path.join(entry.parentPath, entry.name))]));
}

/** The same files under both folders, each with identical bytes (and at least `atLeast` of them). */
function expectSameFiles(sourceRoot: string, targetRoot: string, atLeast: number) {
  const kept = filesUnder(sourceRoot);
  const restored = filesUnder(targetRoot);
  expect([...restored.keys()].sort()).toEqual([...kept.keys()].sort());
  expect(kept.size).toBeGreaterThanOrEqual(atLeast);
  for (const [name, bytes] of kept) expect(restored.get(name)?.equals(bytes), name).toBe(true);
}

/** Changes one byte of a file, as damage or tampering would; returns how to put it back. */
function tamperWith(file: string): () => void {
  const original = fs.readFileSync(file);
  const changed = Buffer.from(original);
  changed[changed.length - 3] = (changed[changed.length - 3] ?? 0) ^ 0xff;
  fs.writeFileSync(file, changed);
  return () => fs.writeFileSync(file, original);
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

/** A new database, empty or a copy of `template`. */
async function createPostgresDatabase(template?: string): Promise<string> {
  const name = `tarhuna_backup_${randomBytes(5).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`).finally(() => admin.end({ timeout: 1 }));
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
  let archive = "";

  it("restores into a fresh data folder with identical row counts, a verifying audit chain and the same photographs and scans", async () => {
    const before = await seededCounts({ kind: "pglite", dataDir: path.join(source, "pglite") }, source);

    const backup = await runScript("scripts/backup.ts", { DATABASE_URL: undefined, DATA_DIR: source, BACKUP_DIR: workDirectory });
    // Nothing on standard error but the line naming the database the command acted on.
    expect(backup.stderr.trim()).toBe(`Database: embedded PostgreSQL (PGlite) in ${path.join(source, "pglite")} (settings: the environment; no settings file)`);
    expect(backup.exitCode).toBe(0);
    archive = backup.stdout.match(/written to (\S+)/)![1]!;
    expect(fileMode(archive)).toBe("600");
    // Every photograph's three sizes and the scan, each with its SHA-256 in the manifest.
    const manifest = JSON.parse(fs.readFileSync(`${archive}.manifest.json`, "utf8")) as { files: { path: string; sha256: string }[] };
    expect(manifest.files.length).toBe(3 * (before.effect_photos ?? 0) + 1);
    expect(before.effect_photos).toBeGreaterThan(0);
    const aPhoto = manifest.files.find((file) => file.path.endsWith("/original.jpg"));
    expect(aPhoto?.sha256).toBe(createHash("sha256").update(fs.readFileSync(path.join(source, aPhoto?.path ?? ""))).digest("hex"));

    // A photograph changed since the backup: the restore refuses before restoring anything.
    const putBack = tamperWith(path.join(`${archive}.files`, aPhoto?.path ?? ""));
    const tampered = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: undefined, DATA_DIR: target }, [archive]);
    expect(tampered.exitCode).toBe(1);
    expect(tampered.stderr).toContain(`Nothing was restored`);
    expect(tampered.stderr).toContain(`${aPhoto?.path} does not match its SHA-256 in the manifest`);
    expect(fs.existsSync(target)).toBe(false);
    putBack();

    // The backup and the restore just above and below are spawned as a person runs them; the
    // other calls of this file run the commands in this process (run-script-in-process.ts).
    const usage = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: undefined, DATA_DIR: target });
    expect(usage.exitCode).toBe(1);
    expect(usage.stderr).toContain("Usage");

    const restored = await runScript("scripts/restore.ts", { DATABASE_URL: undefined, DATA_DIR: target }, [archive]);
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("Audit chain intact");

    expect(restored.stdout).toContain("Matches the backup's manifest");
    const after = await restoredState({ kind: "pglite", dataDir: path.join(target, "pglite") });
    expect(after.counts).toEqual(before);
    expect(before.missing_persons).toBeGreaterThan(400);
    expect(after.chain.ok).toBe(true);
    // The photographs and the scan come back byte for byte where the restored registry reads them.
    expectSameFiles(path.join(source, "media"), path.join(target, "media"), 3);
    expectSameFiles(path.join(source, "handover-scans"), path.join(target, "handover-scans"), 1);
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
    const sourceUrl = withPassword(await createPostgresDatabase(await demoDataTemplates.postgresTemplate()), password);
    const targetUrl = withPassword(await createPostgresDatabase(), password);
    const archive = path.join(workDirectory, "server.pgdump");
    const sourceData = path.join(workDirectory, "server-source");
    const targetData = path.join(workDirectory, "server-target");
    const before = await seededCounts({ kind: "postgres", url: sourceUrl }, sourceData);
    const programs = recordingClientPrograms();

    const backup = await runScriptInProcess("scripts/backup.ts", { DATABASE_URL: sourceUrl, DATA_DIR: sourceData, PATH: programs.path }, [archive]);
    expect(backup.exitCode, backup.stderr).toBe(0);
    expect(fileMode(archive)).toBe("600");
    // The manifest beside it: what a restore must bring back (rows per table, the audit chain's head).
    const manifestFile = `${archive}.manifest.json`;
    expect(fileMode(manifestFile)).toBe("600");
    const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { counts: Record<string, number>; auditHead: { entryId: number } | null; files: { path: string; sha256: string; bytes: number }[] };
    expect(manifest.counts).toEqual(before);
    expect(manifest.auditHead?.entryId).toBeGreaterThan(0);

    const mismatched = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: undefined, DATA_DIR: workDirectory }, [archive]);
    expect(mismatched.exitCode).toBe(1);
    expect(mismatched.stderr).toContain("is a backup of PostgreSQL");

    const restored = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: targetUrl, DATA_DIR: targetData, PATH: programs.path }, [archive]);
    expect(restored.exitCode, restored.stderr).toBe(0);
    expectSameFiles(path.join(sourceData, "media"), path.join(targetData, "media"), 3);
    expectSameFiles(path.join(sourceData, "handover-scans"), path.join(targetData, "handover-scans"), 1);
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
    const short = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: thirdUrl, DATA_DIR: path.join(workDirectory, "server-third") }, [archive]);
    expect(short.exitCode).toBe(1);
    expect(short.stderr).toContain("does NOT match the backup's manifest: remains:");

    // A manifest rewritten to fit a changed photograph: the restored database's own SHA-256 of the
    // original (the one its audit entry holds) still tells it apart, and no file is written.
    const photo = manifest.files.find((file) => file.path.endsWith("/original.jpg"));
    if (!photo) throw new Error("no photograph in the backup");
    tamperWith(path.join(`${archive}.files`, photo.path));
    const changed = fs.readFileSync(path.join(`${archive}.files`, photo.path));
    const forged = manifest.files.map((file) => (file === photo ? { ...file, sha256: createHash("sha256").update(changed).digest("hex") } : file));
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, files: forged }));
    const fourthData = path.join(workDirectory, "server-fourth");
    const forgedRestore = await runScriptInProcess("scripts/restore.ts", { DATABASE_URL: await createPostgresDatabase(), DATA_DIR: fourthData }, [archive]);
    expect(forgedRestore.exitCode).toBe(1);
    expect(forgedRestore.stderr).toContain(`${photo.path} is not the file the database recorded`);
    expect(filesUnder(path.join(fourthData, "media")).size).toBe(0);
  });
});

describe("backup rotation", () => {
  it("removes a backup together with its manifest and its photographs and scans, and keeps the newest whole", async () => {
    const directory = fs.mkdtempSync(path.join(workDirectory, "rotate-"));
    const older = path.join(directory, "tarhuna-2026-11-01T02-30-00-000Z.pgdump");
    const newer = path.join(directory, "tarhuna-2026-12-01T02-30-00-000Z.pgdump");
    for (const backup of [older, newer]) {
      fs.writeFileSync(backup, "PGDMP");
      fs.writeFileSync(`${backup}.manifest.json`, "{}");
      fs.mkdirSync(`${backup}.files/media/effects/x`, { recursive: true });
      fs.writeFileSync(`${backup}.files/media/effects/x/original.jpg`, "jpeg");
    }
    const rotated = await runScriptInProcess("scripts/backup-rotate.ts", { BACKUP_DIR: directory }, ["--daily", "1", "--weekly", "1"]);
    expect(rotated.exitCode, rotated.stderr).toBe(0);
    expect(fs.readdirSync(directory).sort()).toEqual([path.basename(newer), `${path.basename(newer)}.files`, `${path.basename(newer)}.manifest.json`]);
  });
});
