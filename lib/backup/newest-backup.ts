import fs from "node:fs";
import path from "node:path";
import { archiveKindOf, type ArchiveKind } from "./archive-kind";
import { backupTime } from "./rotation";

/**
 * The newest backup of this engine in the folder, by the time in its name (what `npm run backup`
 * writes; rotation.ts reads it the same way), or null when there is none.
 */
export function newestBackup(directory: string, kind: ArchiveKind): string | null {
  if (!fs.existsSync(directory)) return null;
  const candidates = fs
    .readdirSync(directory)
    .flatMap((name) => {
      const time = backupTime(name);
      const file = path.join(directory, name);
      return time && fs.statSync(file).isFile() && archiveKindOf(file) === kind ? [{ file, time: time.getTime() }] : [];
    })
    .sort((a, b) => b.time - a.time);
  return candidates[0]?.file ?? null;
}
