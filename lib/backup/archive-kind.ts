import fs from "node:fs";

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

export function defaultBackupName(kind: ArchiveKind, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  return kind === "postgres" ? `backups/tarhuna-${stamp}.pgdump` : `backups/tarhuna-${stamp}.pglite.tar.gz`;
}
