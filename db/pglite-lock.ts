import "server-only";
import fs from "node:fs";
import path from "node:path";
import { DatabaseSetupError } from "./errors";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is a single-process database: two processes writing one data directory corrupt it.
 * A lock file holding the owner's pid turns that into a clear message instead.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
  try {
    const owner = Number(fs.readFileSync(lockFile, "utf8").trim());
    if (owner && owner !== process.pid && isRunning(owner)) {
      throw new DatabaseSetupError(
        `The embedded database in ${dataDir} is in use by process ${owner}. Stop that process (the app, a seed or a migration) and try again.`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseSetupError) throw error;
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid), { mode: 0o600 });
  return () => {
    try {
      if (fs.readFileSync(lockFile, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  };
}
