import fs from "node:fs";
import { type SignedCheckpoint, checkpointSignatureValid, keyFingerprint, latestStoredCheckpoint } from "@/lib/audit/checkpoint";
import { checkpointKeyPath, publicKeyText, readCheckpointKey, retiredPublicKeys } from "@/lib/audit/checkpoint-key";
import { verifyAuditChain } from "@/lib/audit/verify";
import { openMigratedDatabaseReadOnly } from "./support/database";
import { runCli, UserFacingError } from "./support/cli";

const USAGE = "Usage: npm run audit:verify [-- --checkpoint FILE] (FILE: the JSON printed by npm run audit:checkpoint).";

function checkpointArgument(args: readonly string[]): string | null {
  if (args.length === 0) return null;
  if (args[0] === "--checkpoint" && args[1] && args.length === 2) return args[1];
  throw new UserFacingError(USAGE);
}

function readCheckpointFile(file: string): SignedCheckpoint {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as SignedCheckpoint;
  } catch (error) {
    throw new UserFacingError(`${file} is not a checkpoint written by npm run audit:checkpoint: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * This installation's own public key, when its key file is here to compare with, and the keys it
 * signed with before (npm run audit:rotate-key).
 */
function localPublicKeys(): { current: string; retired: string[] } | null {
  try {
    const file = checkpointKeyPath();
    return fs.existsSync(file) ? { current: publicKeyText(readCheckpointKey(file)), retired: retiredPublicKeys(file) } : null;
  } catch {
    // Verifying needs no key of its own: the checkpoint carries its public key.
    return null;
  }
}

/** A checkpoint counts only when its signature holds, and (if known here) by this installation's key, current or retired. */
function assertGenuine(checkpoint: SignedCheckpoint, source: string): void {
  if (!checkpointSignatureValid(checkpoint)) throw new UserFacingError(`The signature of ${source} is NOT valid: the checkpoint was altered or forged.`);
  const local = localPublicKeys();
  if (local === null || local.current === checkpoint.publicKey) return;
  if (local.retired.includes(checkpoint.publicKey)) {
    console.log(`${source} is signed by this installation's retired key ${keyFingerprint(checkpoint.publicKey)}.`);
    return;
  }
  throw new UserFacingError(`${source} is signed by key ${keyFingerprint(checkpoint.publicKey)}, not by this installation's key ${keyFingerprint(local.current)} or a retired one.`);
}

/**
 * npm run audit:verify [-- --checkpoint FILE]: walks the whole chain; against a signed checkpoint
 * (the file given, otherwise the newest one stored in the database) it also proves that the chain
 * still reaches that head unchanged. It changes nothing: a database without this version's
 * migrations is refused, not migrated (a check must not alter what it checks).
 */
runCli(async () => {
  const file = checkpointArgument(process.argv.slice(2));
  const handle = await openMigratedDatabaseReadOnly("npm run audit:verify");
  try {
    const checkpoint = file ? readCheckpointFile(file) : await latestStoredCheckpoint(handle.db);
    const source = file ?? "the newest checkpoint stored in the database";
    if (checkpoint) assertGenuine(checkpoint, source);
    const report = await verifyAuditChain(handle.db, checkpoint ? { checkpoint } : {});
    if (!report.ok) {
      // Evidence of tampering is the answer this command exists to give, not a crash: one line, exit 1.
      throw new UserFacingError(`Audit chain BROKEN at entry ${report.brokenAt.id}: ${report.brokenAt.reason}`);
    }
    console.log(`Audit chain intact: ${report.count} entries, head ${report.headHash}`);
    if (checkpoint) {
      console.log(`Reaches the checkpoint signed ${checkpoint.signedAt} (key ${keyFingerprint(checkpoint.publicKey)}): entry ${checkpoint.entryId}, ${checkpoint.count} entries, hash ${checkpoint.hash}`);
    }
  } finally {
    await handle.close();
  }
});
