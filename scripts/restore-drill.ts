import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import type { DatabaseConfig } from "@/db/config";
import { migrateDatabase } from "@/db/migrate";
import { checkpointSignatureValid, currentHead, latestStoredCheckpoint } from "@/lib/audit/checkpoint";
import { verifyAuditChain } from "@/lib/audit/verify";
import { defaultBackupDirectory } from "@/lib/backup/archive-kind";
import { BackupError } from "@/lib/backup/backup-error";
import { differencesFromManifest, readManifest } from "@/lib/backup/manifest";
import { newestBackup } from "@/lib/backup/newest-backup";
import { recordOperation } from "@/lib/backup/operations-record";
import { restorePglite } from "@/lib/backup/pglite-archive";
import { restorePostgres } from "@/lib/backup/postgres-archive";
import { countRowsPerTable } from "@/lib/backup/table-counts";
import { environment } from "@/lib/env";
import { addressWithDatabase, parsePostgresAddress } from "@/lib/postgres-address";
import { commandDatabaseConfig } from "./support/command-database";
import { runCli, UserFacingError } from "./support/cli";

/** A database of its own for the drill, removed afterwards: never the live one. */
interface Scratch {
  config: DatabaseConfig;
  remove(): Promise<void>;
}

async function scratchFor(live: DatabaseConfig): Promise<Scratch> {
  if (live.kind === "pglite") {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-drill-"));
    return {
      config: { kind: "pglite", dataDir: path.join(directory, "pglite") },
      remove: async () => fs.rmSync(directory, { recursive: true, force: true }),
    };
  }
  const database = `${parsePostgresAddress(live.url)?.database ?? "tarhuna"}_drill_${randomBytes(4).toString("hex")}`.slice(0, 63);
  const admin = postgres(live.url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${database}"`);
  } catch (error) {
    await admin.end({ timeout: 1 });
    throw new UserFacingError(`The drill restores into a scratch database, which ${database} could not be made: ${(error as Error).message} (the role in DATABASE_URL needs CREATEDB; docs/DEPLOY.md, "Restore drills").`);
  }
  return {
    config: { kind: "postgres", url: addressWithDatabase(live.url, database) },
    remove: async () => {
      await admin.unsafe(`drop database if exists "${database}" with (force)`).finally(() => admin.end({ timeout: 5 }));
    },
  };
}

async function withHandle<T>(config: DatabaseConfig, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(config, { maxConnections: 2 });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/**
 * npm run restore:drill: restores the newest backup in BACKUP_DIR into a scratch database, brings it
 * up to this version's schema, verifies the audit chain against the newest signed checkpoint it
 * holds, checks it against the backup's manifest, compares its row counts with the live database,
 * prints a dated report, and records the outcome in the live database for the admin dashboard.
 * Exit 1 when the backup does not restore whole.
 */
runCli(async () => {
  const live = commandDatabaseConfig();
  const directory = environment().BACKUP_DIR ?? defaultBackupDirectory();
  const file = newestBackup(directory, live.kind);
  if (!file) throw new UserFacingError(`No backup of this database in ${directory}: run npm run backup first (or set BACKUP_DIR).`);
  const startedAt = new Date();
  const problems: string[] = [];
  const report: string[] = [`Restore drill of ${startedAt.toISOString()}`, `Backup: ${file}`];

  const manifest = readManifest(file);
  report.push(manifest ? `Taken: ${manifest.takenAt} from ${manifest.database}` : "No manifest beside the backup: nothing to compare it with.");
  if (!manifest) problems.push("the backup has no manifest");

  const scratch = await scratchFor(live);
  let restoredCounts: Record<string, number> = {};
  try {
    try {
      if (scratch.config.kind === "postgres") await restorePostgres(scratch.config.url, file);
      else await restorePglite(scratch.config.dataDir ?? "", file);
    } catch (error) {
      if (error instanceof BackupError) throw new UserFacingError(error.message);
      throw error;
    }
    await withHandle(scratch.config, async (handle) => {
      await migrateDatabase(handle);
      restoredCounts = await countRowsPerTable(handle.db);
      const checkpoint = await latestStoredCheckpoint(handle.db);
      if (checkpoint && !checkpointSignatureValid(checkpoint)) problems.push(`the checkpoint signed ${checkpoint.signedAt} has an invalid signature`);
      const chain = await verifyAuditChain(handle.db, checkpoint ? { checkpoint } : {});
      if (chain.ok) {
        report.push(`Audit chain intact: ${chain.count} entries, head ${chain.headHash}${checkpoint ? `; reaches the checkpoint signed ${checkpoint.signedAt} (entry ${checkpoint.entryId})` : "; no signed checkpoint stored"}`);
      } else {
        problems.push(`the audit chain is BROKEN at entry ${chain.brokenAt.id}: ${chain.brokenAt.reason}`);
      }
      if (manifest) {
        const differences = await differencesFromManifest(handle.db, manifest, restoredCounts, await currentHead(handle.db));
        if (differences.length === 0) report.push("Matches the backup's manifest (audit head, checkpoint, row counts).");
        problems.push(...differences.map((difference) => `manifest: ${difference}`));
      }
    });
  } finally {
    await scratch.remove();
  }

  await withHandle(live, async (handle) => {
    const liveCounts = await countRowsPerTable(handle.db);
    report.push("Rows (restored backup / live database now):");
    for (const table of [...new Set([...Object.keys(restoredCounts), ...Object.keys(liveCounts)])].sort()) {
      const restored = restoredCounts[table] ?? 0;
      const now = liveCounts[table] ?? 0;
      report.push(`  ${table}: ${restored} / ${now}${restored === now ? "" : ` (${now - restored > 0 ? "+" : ""}${now - restored} since the backup)`}`);
    }
    report.push(problems.length === 0 ? "Result: the backup restores whole." : `Result: FAILED — ${problems.join("; ")}`);
    await recordOperation(handle.db, "drill", { at: startedAt.toISOString(), ok: problems.length === 0, file, problems });
  });
  console.log(report.join("\n"));
  if (problems.length > 0) throw new UserFacingError(`The restore drill of ${file} FAILED: ${problems.join("; ")}`);
});
