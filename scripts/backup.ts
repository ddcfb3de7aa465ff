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
import { copyFilesIntoBackup, filesFolderOf } from "@/lib/backup/backup-files";
import { mediaStore } from "@/lib/belongings/media-store";
import { scanDirectory } from "@/lib/aftercare/scan-directory";
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
 * The photographs (DATA_DIR/media or the MEDIA_S3_URL bucket) and handover scans the database
 * names are copied into FILE.files/ beside it, each one's SHA-256 in the manifest.
 */
runCli(async () => {
  const config = commandDatabaseConfig();
  const file = path.resolve(process.argv[2] ?? defaultBackupName(config.kind, environment().BACKUP_DIR ?? defaultBackupDirectory()));
  const filesFolder = filesFolderOf(file);
  for (const taken of [file, filesFolder]) {
    if (fs.existsSync(taken)) throw new UserFacingError(`${taken} already exists: choose a new name so that no backup is overwritten.`);
  }
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
  // Listed after the dump: every photo row the dump holds was committed with its files by then.
  let copied: Awaited<ReturnType<typeof copyFilesIntoBackup>>;
  const reopened = await openDatabase(config, { maxConnections: 1 });
  try {
    copied = await copyFilesIntoBackup(reopened.db, mediaStore(), scanDirectory(), filesFolder);
  } catch (error) {
    fs.rmSync(file, { force: true });
    fs.rmSync(filesFolder, { recursive: true, force: true });
    const problem = `The photographs and scans could not be copied into ${filesFolder}, so no backup was kept: ${error instanceof Error ? error.message : String(error)}`;
    await recordBackup(config, { at: new Date().toISOString(), ok: false, file, problems: [problem] }).catch(() => {});
    throw new UserFacingError(problem);
  } finally {
    await reopened.close();
  }
  const { files, missing } = copied;
  const manifest = writeManifest(file, {
    format: "tarhuna-backup-manifest/1",
    takenAt: new Date().toISOString(),
    database: handle.description,
    counts,
    auditHead,
    checkpoint,
    files,
    missingFiles: missing,
  });
  await recordBackup(config, { at: manifestTime(file), ok: true, file, problems: [] });
  const size = fs.statSync(file).size;
  console.log(`Backup of ${handle.description} written to ${file} (${(size / 1024).toFixed(0)} KiB).`);
  console.log(`Manifest (rows, audit head ${auditHead ? `${auditHead.entryId} ${auditHead.hash}` : "none"}, checkpoint ${checkpoint ? checkpoint.signedAt : "none"}): ${manifest}`);
  const fileBytes = files.reduce((sum, kept) => sum + kept.bytes, 0);
  console.log(`Photographs and scans (${mediaStore().describe()}): ${files.length} files (${(fileBytes / 1024).toFixed(0)} KiB) copied into ${filesFolder}, each with its SHA-256 in the manifest.`);
  if (missing.length > 0) console.error(`WARNING: ${missing.length} files the database names were not found and are not in the backup: ${missing.join(", ")}`);
  console.log(`Rows at the time of the backup:\n${formatCounts(counts)}`);
  console.log(`Restore it with: npm run restore -- ${file}`);
});
