import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { acquirePgliteLock } from "@/db/pglite-lock";
import { BackupError } from "./backup-error";

/**
 * The embedded database is one process's private directory: the backup holds its lock, so it
 * refuses (with a clear message) while the app is running instead of copying a moving target.
 */
export async function backupPglite(dataDir: string, file: string): Promise<void> {
  if (!fs.existsSync(dataDir)) throw new BackupError(`There is no embedded database in ${dataDir}.`);
  const release = acquirePgliteLock(dataDir);
  try {
    const client = await PGlite.create(dataDir, { extensions: { pg_trgm } });
    try {
      const archive = await client.dumpDataDir("gzip");
      fs.writeFileSync(file, Buffer.from(await archive.arrayBuffer()), { mode: 0o600, flag: "wx" });
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

function isEmptyDirectory(directory: string): boolean {
  return !fs.existsSync(directory) || fs.readdirSync(directory).length === 0;
}

/** Restores only into a new data directory, so an existing one is never overwritten. */
export async function restorePglite(dataDir: string, file: string): Promise<void> {
  if (!isEmptyDirectory(dataDir)) {
    throw new BackupError(
      `${dataDir} already holds a database. Move it aside or set DATA_DIR to a new folder so that nothing is overwritten.`,
    );
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const release = acquirePgliteLock(dataDir);
  try {
    const archive = new Blob([fs.readFileSync(file)]);
    const client = await PGlite.create(dataDir, { loadDataDir: archive, extensions: { pg_trgm } });
    await client.close();
  } catch (error) {
    // A half-written directory would look like a database next time: remove what this run made.
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error instanceof BackupError ? error : new BackupError(`The archive could not be restored: ${String(error)}`);
  } finally {
    release();
  }
}
