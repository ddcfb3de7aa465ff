import { unlockUser } from "@/lib/users/command-line";
import { runCli } from "./support/cli";
import { openMigratedDatabase } from "./support/database";
import { asUserFacing, usernameArgument } from "./support/user-command";

/** npm run user:unlock -- --username NAME: lifts the account's sign-in locks from every address (audited). */
runCli(async () => {
  const { username } = usernameArgument(process.argv.slice(2), "Usage: npm run user:unlock -- --username NAME");
  const handle = await openMigratedDatabase();
  try {
    const lifted = await unlockUser(handle.db, username).catch((error: unknown) => Promise.reject(asUserFacing(error)));
    console.log(`Sign-in locks of "${username}" lifted (${lifted} counter(s) cleared); recorded in the audit log.`);
  } finally {
    await handle.close();
  }
});
