import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { defaultBackupDirectory, defaultBackupName } from "@/lib/backup/archive-kind";
import { environment } from "@/lib/env";
import { BackupError } from "@/lib/backup/backup-error";
import { backupPglite } from "@/lib/backup/pglite-archive";
import { backupPostgres } from "@/lib/backup/postgres-archive";
import { countRowsPerTable, formatCounts } from "@/lib/backup/table-counts";
import { currentHead, latestStoredCheckpoint } from "@/lib/audit/checkpoint";
import { readManifest, writeManifest } from "@/lib/backup/manifest";
import { recordOperation, type OperationRecord } from "@/lib/backup/operations-record";
import type { DatabaseConfig } from "@/db/config";
import { runCli, UserFacingError } from "./support/cli";
import { commandDatabaseConfig } from "./support/command-database";

/** The outcome, for the admin dashboard (lib/backup/operations-record.ts); the database is opened again, the dump being done. */
async function recordBackup(config: DatabaseConfig, record: OperationRecord): Promise<void> {
  const handle = await openDatabase(config, { maxConnections: 1 });
  await recordOperation(handle.db, "backup", record).finally(() => handle.close());
}

const manifestTime = (file: string): string => readManifest(file)?.takenAt ?? new Date().toISOString();

/**
 * npm run backup [-- FILE]: pg_dump for PostgreSQL, a data-directory archive for the embedded
 * database; without FILE, into BACKUP_DIR (default: ~/tarhuna-registry-backups, outside the code).
 */
runCli(async () => {
  const config = commandDatabaseConfig();
  const file = path.resolve(process.argv[2] ?? defaultBackupName(config.kind, environment().BACKUP_DIR ?? defaultBackupDirectory()));
  if (fs.existsSync(file)) throw new UserFacingError(`${file} already exists: choose a new name so that no backup is overwritten.`);
  // A folder made here is the operator's alone; an existing one keeps the permissions it was given.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });

  // Counted first and closed again: the embedded database admits one user at a time.
  const handle = await openDatabase(config, { maxConnections: 1 });
  const [counts, auditHead, checkpoint] = await Promise.all([countRowsPerTable(handle.db), currentHead(handle.db), latestStoredCheckpoint(handle.db)]).finally(() =>
    handle.close(),
  );
  try {
    if (config.kind === "postgres") await backupPostgres(config.url, file);
    else await backupPglite(config.dataDir ?? "", file);
  } catch (error) {
    fs.rmSync(file, { force: true });
    await recordBackup(config, { at: new Date().toISOString(), ok: false, file, problems: [error instanceof Error ? error.message : String(error)] }).catch(() => {});
    if (error instanceof BackupError) throw new UserFacingError(error.message);
    throw error;
  }
  const manifest = writeManifest(file, { format: "tarhuna-backup-manifest/1", takenAt: new Date().toISOString(), database: handle.description, counts, auditHead, checkpoint });
  await recordBackup(config, { at: manifestTime(file), ok: true, file, problems: [] });
  const size = fs.statSync(file).size;
  console.log(`Backup of ${handle.description} written to ${file} (${(size / 1024).toFixed(0)} KiB).`);
  console.log(`Manifest (rows, audit head ${auditHead ? `${auditHead.entryId} ${auditHead.hash}` : "none"}, checkpoint ${checkpoint ? checkpoint.signedAt : "none"}): ${manifest}`);
  console.log(`Rows at the time of the backup:\n${formatCounts(counts)}`);
  console.log(`Restore it with: npm run restore -- ${file}`);
});
