import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { effectPhotos, remainsHandovers } from "@/db/schema";
import type { MediaStore } from "@/lib/belongings/media-store";
import { PHOTO_SIZES } from "@/lib/belongings/photo-limits";

/**
 * The files the registry keeps outside the database travel with a backup: every photograph of an
 * effect (its three sizes, from DATA_DIR/media or the MEDIA_S3_URL bucket) and every scanned
 * handover form (DATA_DIR/handover-scans). They are copied into a folder beside the backup,
 * FILE.files/, and each one's SHA-256 and size go into the manifest, so that a restore can refuse a
 * file that was changed or lost and give back exactly the files that were kept.
 */
export interface BackedUpFile {
  /** Where the file lies inside FILE.files/: "media/<media key>" or "handover-scans/<file>". */
  path: string;
  sha256: string;
  bytes: number;
}

const MEDIA = "media";
const SCANS = "handover-scans";

export const filesFolderOf = (backupFile: string) => `${backupFile}.files`;

const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A scan's file name as the handover row holds it: its SHA-256 and extension, nothing that could climb out. */
const SCAN_FILE_NAME = /^[0-9a-f]{64}\.(pdf|jpg|png)$/;

interface NamedFiles {
  /** Media keys with the SHA-256 the database records for them (the original's), or null. */
  media: { key: string; sha256: string | null }[];
  scans: { file: string; sha256: string | null }[];
}

/**
 * Every file a row of the database names, voided photographs included: nothing kept is left out.
 * Photos are named by their id (photoFileKey's form), never by anything a user sent.
 */
async function filesNamedByDatabase(db: Executor): Promise<NamedFiles> {
  const [photos, handovers] = await Promise.all([
    db.select({ id: effectPhotos.id, originalSha256: effectPhotos.originalSha256 }).from(effectPhotos),
    db.select({ scanFile: remainsHandovers.scanFile, scanSha256: remainsHandovers.scanSha256 }).from(remainsHandovers).where(isNotNull(remainsHandovers.scanFile)),
  ]);
  return {
    media: photos.flatMap((photo) => PHOTO_SIZES.map((size) => ({ key: `effects/${photo.id}/${size}.jpg`, sha256: size === "original" ? photo.originalSha256 : null }))),
    scans: handovers.flatMap((handover) => (handover.scanFile && SCAN_FILE_NAME.test(handover.scanFile) ? [{ file: handover.scanFile, sha256: handover.scanSha256 }] : [])),
  };
}

function writePrivateFile(root: string, relative: string, bytes: Uint8Array): void {
  const target = path.join(root, ...relative.split("/"));
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  fs.writeFileSync(target, bytes, { mode: 0o600, flag: "wx" });
}

/**
 * Copies every file the database names into `folder` (created 0700, files 0600). A file the
 * database names but the store does not have is listed in `missing` rather than stopping the
 * backup: the database is still worth keeping, and the operator is told.
 */
export async function copyFilesIntoBackup(db: Executor, store: MediaStore, scanDirectory: string, folder: string): Promise<{ files: BackedUpFile[]; missing: string[] }> {
  const named = await filesNamedByDatabase(db);
  fs.mkdirSync(folder, { mode: 0o700 });
  const files: BackedUpFile[] = [];
  const missing: string[] = [];
  const keep = (relative: string, bytes: Uint8Array | null) => {
    if (!bytes) return void missing.push(relative);
    writePrivateFile(folder, relative, bytes);
    files.push({ path: relative, sha256: sha256Of(bytes), bytes: bytes.byteLength });
  };
  for (const { key } of named.media) keep(`${MEDIA}/${key}`, await store.get(key));
  for (const { file } of named.scans) {
    const source = path.join(scanDirectory, file);
    keep(`${SCANS}/${file}`, fs.existsSync(source) ? fs.readFileSync(source) : null);
  }
  return { files, missing };
}

/** A manifest's path inside the files folder, refused when it could reach outside it. */
function checkedRelative(relative: string): string[] {
  const parts = relative.split("/");
  const [top] = parts;
  if ((top !== MEDIA && top !== SCANS) || parts.some((part) => part === "" || part === "." || part === "..")) throw new Error(`not a backed-up file: ${relative}`);
  return parts;
}

/**
 * What is wrong with the backup's files against its manifest: a file missing, of another size, or
 * whose SHA-256 differs (changed or damaged since the backup). Empty when every file is as kept.
 */
export function problemsWithBackupFiles(folder: string, files: readonly BackedUpFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    let target: string;
    try {
      target = path.join(folder, ...checkedRelative(file.path));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    if (!fs.existsSync(target)) {
      problems.push(`${file.path} is missing`);
      continue;
    }
    const bytes = fs.readFileSync(target);
    if (bytes.byteLength !== file.bytes || sha256Of(bytes) !== file.sha256) problems.push(`${file.path} does not match its SHA-256 in the manifest`);
  }
  return problems;
}

/**
 * How the restored database and the manifest's files disagree: a photograph or scan the database
 * names that the backup does not hold, or a kept original / scan whose SHA-256 is not the one the
 * database (and its audit entry) recorded. This catches a manifest rewritten to fit a changed file.
 */
export async function filesMissingForDatabase(db: Executor, files: readonly BackedUpFile[]): Promise<string[]> {
  const held = new Map(files.map((file) => [file.path, file.sha256]));
  const named = await filesNamedByDatabase(db);
  const wanted = [...named.media.map(({ key, sha256 }) => ({ path: `${MEDIA}/${key}`, sha256 })), ...named.scans.map(({ file, sha256 }) => ({ path: `${SCANS}/${file}`, sha256 }))];
  const differences: string[] = [];
  for (const file of wanted) {
    const sha256 = held.get(file.path);
    if (sha256 === undefined) differences.push(`${file.path} is named by the database but not in the backup`);
    else if (file.sha256 && file.sha256 !== sha256) differences.push(`${file.path} is not the file the database recorded (SHA-256 ${file.sha256})`);
  }
  return differences;
}

/**
 * Writes the checked files where the restored registry reads them: photographs into `store`, scans
 * into `scanDirectory`. A scan already there with the same name (its SHA-256) is left as it is.
 */
export async function restoreBackupFiles(folder: string, files: readonly BackedUpFile[], store: MediaStore, scanDirectory: string): Promise<void> {
  for (const file of files) {
    const [top, ...rest] = checkedRelative(file.path);
    const bytes = fs.readFileSync(path.join(folder, top ?? "", ...rest));
    if (top === MEDIA) {
      await store.put(rest.join("/"), bytes, "image/jpeg");
      continue;
    }
    fs.mkdirSync(scanDirectory, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(path.join(scanDirectory, ...rest), bytes, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}
