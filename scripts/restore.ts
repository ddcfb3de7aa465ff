import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { verifyAuditChain } from "@/lib/audit/verify";
import { archiveKindOf } from "@/lib/backup/archive-kind";
import { BackupError } from "@/lib/backup/backup-error";
import { restorePglite } from "@/lib/backup/pglite-archive";
import { restorePostgres } from "@/lib/backup/postgres-archive";
import { countRowsPerTable, formatCounts } from "@/lib/backup/table-counts";
import { currentHead } from "@/lib/audit/checkpoint";
import { type BackupManifest, differencesFromManifest, readManifest } from "@/lib/backup/manifest";
import { filesFolderOf, filesMissingForDatabase, problemsWithBackupFiles, restoreBackupFiles } from "@/lib/backup/backup-files";
import { mediaStore } from "@/lib/belongings/media-store";
import { scanDirectory } from "@/lib/aftercare/scan-directory";
import { commandDatabaseConfig } from "./support/command-database";
import { runCli, UserFacingError } from "./support/cli";

const ENGINE_NAMES = { postgres: "PostgreSQL (DATABASE_URL set)", pglite: "the embedded database (DATABASE_URL unset)" };

/**
 * npm run restore -- FILE: into an empty database only, then the schema is brought up to date and
 * the audit chain verified, so the operator knows the restored history is whole. The photographs
 * and scans in FILE.files/ are checked against the manifest's SHA-256 before anything is restored
 * (a changed or missing file refuses the whole restore), and written to the target's DATA_DIR/media
 * (or MEDIA_S3_URL) and DATA_DIR/handover-scans once the database is back and agrees with them.
 */
runCli(async () => {
  const argument = process.argv[2];
  if (!argument) throw new UserFacingError("Usage: npm run restore -- FILE (a file written by npm run backup).");
  const file = path.resolve(argument);
  if (!fs.existsSync(file)) throw new UserFacingError(`${file} does not exist.`);
  const kind = archiveKindOf(file);
  if (!kind) throw new UserFacingError(`${file} is not a backup written by npm run backup.`);
  let manifest: BackupManifest | null;
  try {
    manifest = readManifest(file);
  } catch (error) {
    throw new UserFacingError(error instanceof Error ? error.message : String(error));
  }
  const config = commandDatabaseConfig();
  if (kind !== config.kind) {
    throw new UserFacingError(`${file} is a backup of ${ENGINE_NAMES[kind]}, but the target is ${ENGINE_NAMES[config.kind]}.`);
  }
  const filesFolder = filesFolderOf(file);
  if (manifest?.files) {
    const problems = problemsWithBackupFiles(filesFolder, manifest.files);
    if (problems.length > 0) {
      throw new UserFacingError(`Nothing was restored: the backup's photographs and scans in ${filesFolder} are not what the manifest recorded (changed or damaged since): ${problems.join("; ")}`);
    }
  }
  try {
    if (config.kind === "postgres") await restorePostgres(config.url, file);
    else await restorePglite(config.dataDir ?? "", file);
  } catch (error) {
    if (error instanceof BackupError) throw new UserFacingError(error.message);
    throw error;
  }

  const handle = await openDatabase(config, { maxConnections: 2 });
  try {
    await migrateDatabase(handle);
    const [counts, chain] = await Promise.all([countRowsPerTable(handle.db), verifyAuditChain(handle.db)]);
    console.log(`Restored ${file} into ${handle.description}.`);
    console.log(`Rows:\n${formatCounts(counts)}`);
    if (!chain.ok) throw new UserFacingError(`Restored, but the audit chain is BROKEN at entry ${chain.brokenAt.id}: ${chain.brokenAt.reason}`);
    console.log(`Audit chain intact: ${chain.count} entries, head ${chain.headHash}`);
    if (!manifest) {
      console.log("No manifest beside the backup (made before manifests existed): nothing to compare with.");
      return;
    }
    const differences = await differencesFromManifest(handle.db, manifest, counts, await currentHead(handle.db));
    if (manifest.files) differences.push(...(await filesMissingForDatabase(handle.db, manifest.files)));
    if (differences.length > 0) throw new UserFacingError(`Restored, but it does NOT match the backup's manifest: ${differences.join("; ")}`);
    if (manifest.files) {
      const store = mediaStore();
      await restoreBackupFiles(filesFolder, manifest.files, store, scanDirectory());
      console.log(`Photographs and scans: ${manifest.files.length} files, each matching its SHA-256, written to ${store.describe()} and ${scanDirectory()}.`);
    } else {
      console.log("This backup holds no photographs or scans (made before they travelled with backups): copy DATA_DIR/media (or the bucket) and DATA_DIR/handover-scans by hand.");
    }
    if (manifest.missingFiles?.length) console.error(`WARNING: the backup was taken without ${manifest.missingFiles.length} files the database names: ${manifest.missingFiles.join(", ")}`);
    console.log(`Matches the backup's manifest of ${manifest.takenAt}: the audit head${manifest.checkpoint ? ", the checkpoint signed " + manifest.checkpoint.signedAt : ""} and the row counts.`);
  } finally {
    await handle.close();
  }
});
