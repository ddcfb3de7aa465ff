import "server-only";
import fs from "node:fs";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { CheckpointHead, SignedCheckpoint } from "@/lib/audit/checkpoint";
import type { BackedUpFile } from "./backup-files";

/**
 * What a backup held when it was taken, written beside it (FILE.manifest.json, 0600) so that a
 * restore can prove it brought back the same registry: the rows per table, the audit chain's head
 * and the newest signed checkpoint.
 */
export interface BackupManifest {
  format: "tarhuna-backup-manifest/1";
  takenAt: string;
  database: string;
  counts: Record<string, number>;
  auditHead: CheckpointHead | null;
  checkpoint: SignedCheckpoint | null;
  /**
   * The photographs and handover scans copied into FILE.files/, each with its SHA-256 and size.
   * Absent in a manifest written before files travelled with backups.
   */
  files?: BackedUpFile[];
  /** Files the database named that were not found when the backup was taken. */
  missingFiles?: string[];
}

export const manifestPath = (backupFile: string) => `${backupFile}.manifest.json`;

export function writeManifest(backupFile: string, manifest: BackupManifest): string {
  const file = manifestPath(backupFile);
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return file;
}

/** The manifest beside a backup, or null when there is none (a backup made before manifests). */
export function readManifest(backupFile: string): BackupManifest | null {
  const file = manifestPath(backupFile);
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as BackupManifest;
  if (parsed.format !== "tarhuna-backup-manifest/1") throw new Error(`${file} is not a backup manifest`);
  return parsed;
}

/**
 * How the restored database differs from the manifest; empty when it matches. The manifest's audit
 * head must be in the restored chain with its hash. The row counts are read just before the dump,
 * so when the restored chain went on past that head (the app wrote while the backup ran), counts may
 * differ and are not compared; when it ends at that head, nothing was recorded in between and every
 * count must match.
 */
export async function differencesFromManifest(db: Executor, manifest: BackupManifest, counts: Record<string, number>, head: CheckpointHead | null): Promise<string[]> {
  const differences: string[] = [];
  if (manifest.auditHead) {
    const [entry] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, manifest.auditHead.entryId));
    if (entry?.hash !== manifest.auditHead.hash) differences.push(`audit entry ${manifest.auditHead.entryId} is ${entry ? "different" : "missing"} (manifest hash ${manifest.auditHead.hash})`);
  }
  if (manifest.checkpoint) {
    const [signed] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, manifest.checkpoint.entryId));
    if (signed?.hash !== manifest.checkpoint.hash) differences.push(`the chain no longer reaches the checkpoint signed ${manifest.checkpoint.signedAt} (entry ${manifest.checkpoint.entryId})`);
  }
  const sameHead = head?.entryId === manifest.auditHead?.entryId;
  if (sameHead) {
    for (const table of new Set([...Object.keys(manifest.counts), ...Object.keys(counts)])) {
      if ((manifest.counts[table] ?? 0) !== (counts[table] ?? 0)) differences.push(`${table}: ${counts[table] ?? 0} rows, the manifest says ${manifest.counts[table] ?? 0}`);
    }
  }
  return differences;
}
