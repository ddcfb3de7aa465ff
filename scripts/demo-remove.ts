import { removeDemoData } from "@/lib/demo/remove";
import { describeCaseRecords } from "@/lib/demo/holdings";
import { runCli, UserFacingError } from "./support/cli";
import { openMigratedDatabase } from "./support/database";

const USAGE = "Usage: npm run demo:remove -- --confirm (removes every demonstration record and the demo accounts; take a backup first).";

/**
 * `npm run demo:remove -- --confirm`: turns a database the demo was loaded into into an empty
 * registry, keeping the accounts made for real use (lib/demo/remove.ts says what is refused).
 */
runCli(async () => {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] !== "--confirm") throw new UserFacingError(USAGE);
  const handle = await openMigratedDatabase();
  try {
    const result = await removeDemoData(handle.db);
    if (result.status === "refused") throw new UserFacingError(result.reason);
    console.log(`Removed the demonstration data from ${handle.description}: ${describeCaseRecords(result.removed) || "no case records"}.`);
    console.log(`Demo accounts removed: ${result.removedAccounts.join(", ") || "none"}. Accounts kept: ${result.keptAccounts.join(", ") || "none"}.`);
    console.log("The audit log starts afresh with one demo.remove entry recording this. Sign a checkpoint now: npm run audit:checkpoint");
  } finally {
    await handle.close();
  }
});
