import { CheckpointKeyError, checkpointKeyPath, loadOrCreateCheckpointKey } from "@/lib/audit/checkpoint-key";
import { currentHead, keyFingerprint, signCheckpoint, storeCheckpoint } from "@/lib/audit/checkpoint";
import { verifyAuditChain } from "@/lib/audit/verify";
import { openMigratedDatabase } from "./support/database";
import { runCli, UserFacingError } from "./support/cli";

/**
 * npm run audit:checkpoint: verifies the chain, then signs its head (entry id, count, hash) with the
 * Ed25519 key in AUDIT_CHECKPOINT_KEY (created on first use) and stores a copy in the database. The
 * JSON it prints is for whoever must later be able to show the log was not cut back or rewritten:
 * keep it outside this server (a prosecutor, an auditor, a printed copy).
 */
runCli(async () => {
  let keyFile: string;
  try {
    keyFile = checkpointKeyPath();
  } catch (error) {
    if (error instanceof CheckpointKeyError) throw new UserFacingError(error.message);
    throw error;
  }
  const handle = await openMigratedDatabase();
  try {
    const chain = await verifyAuditChain(handle.db);
    // Signing a broken chain would vouch for the tampering.
    if (!chain.ok) throw new UserFacingError(`Audit chain BROKEN at entry ${chain.brokenAt.id}: ${chain.brokenAt.reason}. No checkpoint signed.`);
    const head = await currentHead(handle.db);
    if (!head) throw new UserFacingError("The audit log is empty: there is nothing to sign yet.");
    const checkpoint = signCheckpoint(head, loadOrCreateCheckpointKey(keyFile));
    await storeCheckpoint(handle.db, checkpoint);
    console.log(JSON.stringify(checkpoint, null, 2));
    console.error(`Signed with ${keyFile} (key ${keyFingerprint(checkpoint.publicKey)}); stored in ${handle.description}. Keep the JSON above.`);
  } finally {
    await handle.close();
  }
});
