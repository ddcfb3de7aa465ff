import fs from "node:fs";
import path from "node:path";
import { defaultBackupDirectory } from "@/lib/backup/archive-kind";
import { filesFolderOf } from "@/lib/backup/backup-files";
import { manifestPath } from "@/lib/backup/manifest";
import { backupsToDelete } from "@/lib/backup/rotation";
import { environment } from "@/lib/env";
import { runCli, UserFacingError } from "./support/cli";

const USAGE = "Usage: npm run backup:rotate -- --daily N --weekly M (keeps the newest backup of the last N days and of the last M weeks in BACKUP_DIR).";

function countArgument(args: readonly string[], flag: string): number {
  const index = args.indexOf(flag);
  const value = index >= 0 ? Number(args[index + 1]) : NaN;
  if (!Number.isInteger(value) || value < 1) throw new UserFacingError(USAGE);
  return value;
}

/** npm run backup:rotate -- --daily N --weekly M: deletes the backups the policy does not keep (lib/backup/rotation.ts). */
runCli(async () => {
  const args = process.argv.slice(2);
  if (args.length !== 4) throw new UserFacingError(USAGE);
  const policy = { daily: countArgument(args, "--daily"), weekly: countArgument(args, "--weekly") };
  const directory = path.resolve(environment().BACKUP_DIR ?? defaultBackupDirectory());
  if (!fs.existsSync(directory)) throw new UserFacingError(`${directory} (BACKUP_DIR) does not exist: nothing to rotate.`);
  const doomed = backupsToDelete(fs.readdirSync(directory), policy);
  for (const name of doomed) {
    const backup = path.join(directory, name);
    // A backup goes with what lies beside it: its manifest and its photographs and scans.
    fs.rmSync(filesFolderOf(backup), { recursive: true, force: true });
    fs.rmSync(manifestPath(backup), { force: true });
    fs.rmSync(backup);
  }
  console.log(`Backups in ${directory}: kept the newest of the last ${policy.daily} days and ${policy.weekly} weeks; removed ${doomed.length}${doomed.length ? `: ${doomed.join(", ")}` : ""}.`);
});
