import { seedDemoData } from "@/lib/demo/seed";
import { runCli, UserFacingError } from "./support/cli";
import { openMigratedDatabase } from "./support/database";
import { printDemoAccounts, printSeedSummary } from "./support/seed-summary";

/** `npm run db:seed [-- --reset]`: loads the invented demonstration data into an empty database. */
runCli(async () => {
  const reset = process.argv.slice(2).includes("--reset");
  const handle = await openMigratedDatabase();
  try {
    const result = await seedDemoData(handle.db, { reset });
    if (result.status === "refused") throw new UserFacingError(result.reason);
    printSeedSummary(handle.description, result);
    printDemoAccounts();
  } finally {
    await handle.close();
  }
});
