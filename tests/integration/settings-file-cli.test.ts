import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgresClient from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminClient, postgresUrlFor } from "./support/migrated-templates";
import { testBackends } from "./support/databases";
import { runScript } from "./support/run-script";
import { runScriptInProcess } from "./support/run-script-in-process";

const postgres = (await testBackends()).find((backend) => backend.name === "PostgreSQL");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-settings-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
/** Accepted and ignored by the test server (trust authentication): here only to be kept out of the output. */
const PASSWORD = `pw-${randomBytes(6).toString("hex")}`;

/** A settings file as an operator writes one, readable by its owner alone. */
function settingsFile(name: string, lines: string[]): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`, { mode: 0o600 });
  return file;
}

/** The command's environment: the settings file and nothing of the database from the test's own. */
const onlyTheFile = (file: string) => ({ TARHUNA_ENV_FILE: file, DATABASE_URL: undefined, DATA_DIR: undefined, NODE_ENV: undefined });

/*
 * The first two tests start their command as a person does, in a process of its own whose preload
 * reads the file (audit:verify, whose whole output must not show the password, and db:migrate);
 * the rest run in the test's process through the same preload step (run-script-in-process.ts),
 * each command keeping a spawned test here or in audit-chain and backup-restore.
 */
describe.skipIf(!postgres || postgres.skip)("one settings file, read by every command", () => {
  const name = `tarhuna_settings_${randomBytes(5).toString("hex")}`;
  let url = "";

  beforeAll(async () => {
    const admin = adminClient();
    await admin.unsafe(`create database ${name}`);
    await admin.end({ timeout: 5 });
    const plain = new URL(postgresUrlFor(name));
    plain.password = PASSWORD;
    url = plain.toString();
  });
  afterAll(async () => {
    const admin = adminClient();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  });

  it("audit:verify refuses a database without the migrations and leaves it unmigrated, naming it without its password", async () => {
    const file = settingsFile("unmigrated.env", [`DATABASE_URL=${url}`]);
    const result = await runScript("scripts/audit-verify.ts", onlyTheFile(file));
    expect(result.exitCode, result.stdout).toBe(1);
    expect(result.stderr).toContain(`Database: PostgreSQL at 127.0.0.1:5432/${name} (settings: ${file})`);
    expect(result.stderr).toMatch(/lacks \d+ migration\(s\).*npm run db:migrate/);
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);

    const target = postgresClient(postgresUrlFor(name), { max: 1, onnotice: () => {} });
    try {
      const [row] = await target<{ present: string | null }[]>`select to_regclass('drizzle.__drizzle_migrations')::text as present`;
      expect(row?.present).toBeNull();
    } finally {
      await target.end({ timeout: 5 });
    }
  });

  it("db:migrate and then audit:verify act on the file's DATABASE_URL, not on an embedded database", async () => {
    const file = settingsFile("registry.env", [`DATABASE_URL=${url}`, "NODE_ENV=production"]);
    const migrated = await runScript("scripts/migrate.ts", onlyTheFile(file));
    expect(migrated.exitCode, migrated.stderr).toBe(0);
    const verified = await runScriptInProcess("scripts/audit-verify.ts", onlyTheFile(file));
    expect(verified.exitCode, verified.stderr).toBe(0);
    expect(verified.stderr).toContain(`Database: PostgreSQL at 127.0.0.1:5432/${name}`);
    expect(verified.stdout).toContain("Audit chain intact");
  });

  it("in production, refuses to fall back to an embedded database instead of writing an empty backup", async () => {
    const file = settingsFile("no-database.env", ["NODE_ENV=production"]);
    const target = path.join(folder, "should-not-exist.tar.gz");
    const result = await runScriptInProcess("scripts/backup.ts", onlyTheFile(file), [target]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`NODE_ENV=production but no DATABASE_URL is set in ${file}`);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("refuses a DATABASE_URL that is written down but empty", async () => {
    const file = settingsFile("empty-url.env", ["DATABASE_URL="]);
    const result = await runScriptInProcess("scripts/audit-verify.ts", onlyTheFile(file));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`DATABASE_URL is set in ${file} but empty`);
  });

  it("stops when TARHUNA_ENV_FILE names a file that is not there", async () => {
    const missing = path.join(folder, "missing.env");
    const result = await runScriptInProcess("scripts/migrate.ts", onlyTheFile(missing));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`TARHUNA_ENV_FILE names ${missing}, which cannot be read`);
  });
});

describe.skipIf(!postgres || postgres.skip)("backups without a file name", () => {
  it("go to BACKUP_DIR from the settings file, outside the code folder, readable by their owner alone", async () => {
    const backups = path.join(folder, "backups");
    const admin = adminClient();
    const name = `tarhuna_backupdir_${randomBytes(5).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    try {
      const file = settingsFile("backups.env", [`DATABASE_URL=${postgresUrlFor(name)}`, `BACKUP_DIR=${backups}`]);
      expect((await runScriptInProcess("scripts/migrate.ts", onlyTheFile(file))).exitCode).toBe(0);
      const result = await runScriptInProcess("scripts/backup.ts", onlyTheFile(file));
      expect(result.exitCode, result.stderr).toBe(0);
      const written = fs.readdirSync(backups).sort();
      // The dump, its manifest, and the folder for the photographs and scans (empty here).
      expect(written).toEqual([
        expect.stringMatching(/^tarhuna-.*\.pgdump$/),
        expect.stringMatching(/^tarhuna-.*\.pgdump\.files$/),
        expect.stringMatching(/^tarhuna-.*\.pgdump\.manifest\.json$/),
      ]);
      for (const name of written) {
        const stat = fs.statSync(path.join(backups, name));
        expect(stat.mode & 0o777, name).toBe(stat.isDirectory() ? 0o700 : 0o600);
      }
      expect(fs.existsSync(path.join(process.cwd(), "backups"))).toBe(false);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    }
  });
});
