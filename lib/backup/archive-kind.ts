import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Which engine a backup file came from, read from its first bytes rather than its name. */
export type ArchiveKind = "postgres" | "pglite";

/** pg_dump's custom format starts with "PGDMP"; PGlite's data-directory dump is a gzipped tarball. */
export function archiveKindOf(file: string): ArchiveKind | null {
  const handle = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    const read = fs.readSync(handle, head, 0, head.length, 0);
    if (read >= 5 && head.toString("latin1") === "PGDMP") return "postgres";
    if (read >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "pglite";
    return null;
  } finally {
    fs.closeSync(handle);
  }
}

/**
 * Where backups go without BACKUP_DIR: outside the code folder (which every deploy replaces and
 * local users may read), in the home folder of the user running the command: for the systemd units
 * of deploy/ that is the service user's, and BACKUP_DIR in the settings file names another.
 */
export function defaultBackupDirectory(home: string = os.homedir()): string {
  return path.join(home, "tarhuna-registry-backups");
}

export function defaultBackupName(kind: ArchiveKind, directory: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  return path.join(directory, kind === "postgres" ? `tarhuna-${stamp}.pgdump` : `tarhuna-${stamp}.pglite.tar.gz`);
}
