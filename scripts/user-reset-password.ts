import { randomBytes } from "node:crypto";
import { resetUserPassword } from "@/lib/users/command-line";
import { runCli, UserFacingError } from "./support/cli";
import { openMigratedDatabase } from "./support/database";
import { readNewPassword } from "./support/read-password";
import { asUserFacing, usernameArgument } from "./support/user-command";

const USAGE = "Usage: npm run user:reset-password -- --username NAME [--generate] (the password is read from standard input or asked for; --generate makes one and prints it once).";

/**
 * npm run user:reset-password -- --username NAME [--generate]: a temporary password (the user
 * chooses their own at the next sign-in), every session ended, the locks lifted; audited.
 */
runCli(async () => {
  const { username, flags } = usernameArgument(process.argv.slice(2), USAGE, ["generate"]);
  let password: string;
  if (flags.has("generate")) {
    password = randomBytes(18).toString("base64url");
  } else {
    const typed = await readNewPassword();
    if (typed.newPassword !== typed.confirmPassword) throw new UserFacingError("The two passwords differ: nothing was changed.");
    password = typed.newPassword;
  }
  const handle = await openMigratedDatabase();
  try {
    await resetUserPassword(handle.db, username, password).catch((error: unknown) => Promise.reject(asUserFacing(error)));
    console.log(`The password of "${username}" was reset; every session of theirs has ended, and they choose their own at the next sign-in.`);
    // Shown once, here only: it is not stored anywhere but as its hash.
    if (flags.has("generate")) console.log(`Temporary password: ${password}`);
  } finally {
    await handle.close();
  }
});
