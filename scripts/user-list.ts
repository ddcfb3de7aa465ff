import { listUsers } from "@/lib/users/command-line";
import { runCli, UserFacingError } from "./support/cli";
import { openMigratedDatabase } from "./support/database";

/** npm run user:list: every account, one a line (tab-separated), for whoever holds the server. */
runCli(async () => {
  if (process.argv.length > 2) throw new UserFacingError("Usage: npm run user:list");
  const handle = await openMigratedDatabase();
  try {
    const listed = await listUsers(handle.db);
    console.log(["username", "role", "status", "two-step", "display name"].join("\t"));
    for (const user of listed) {
      const status = [user.disabled ? "disabled" : "active", user.mustChangePassword ? "must change password" : "", user.lockedUntil ? `locked until ${user.lockedUntil.toISOString()}` : ""]
        .filter(Boolean)
        .join(", ");
      console.log([user.username, user.role, status, user.twoStep ? "on" : "off", user.displayName].join("\t"));
    }
    console.error(`${listed.length} account(s).`);
  } finally {
    await handle.close();
  }
});
