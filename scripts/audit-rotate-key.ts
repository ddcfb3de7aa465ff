import { CheckpointKeyError, checkpointKeyPath, retiredKeysPath, rotateCheckpointKey } from "@/lib/audit/checkpoint-key";
import { keyFingerprint } from "@/lib/audit/checkpoint";
import { runCli, UserFacingError } from "./support/cli";

/**
 * npm run audit:rotate-key: replaces the checkpoint signing key (AUDIT_CHECKPOINT_KEY). The old
 * private key is deleted; its public half is kept beside the new key (…retired-public-keys), so
 * `npm run audit:verify` still accepts the checkpoints signed before. Sign the head with the new key
 * right after: `npm run audit:checkpoint`.
 */
runCli(async () => {
  try {
    const keyFile = checkpointKeyPath();
    const { retired, current } = rotateCheckpointKey(keyFile);
    console.log(`Retired key ${keyFingerprint(retired)} (public half kept in ${retiredKeysPath(keyFile)}); new key ${keyFingerprint(current)} in ${keyFile}.`);
    console.log("Now sign the chain's head with the new key: npm run audit:checkpoint");
  } catch (error) {
    if (error instanceof CheckpointKeyError) throw new UserFacingError(error.message);
    throw error;
  }
});
