import { parseArgs } from "node:util";
import type { z } from "zod";
import { appendAuditEntry } from "@/lib/audit/append";
import { isBreachedPassword } from "@/lib/auth/breached-passwords";
import english from "@/lib/i18n/messages/en";
import { auditedNewUser } from "@/lib/users/audit-state";
import { insertUser, type NewUser } from "@/lib/users/insert-user";
import { createUserSchema, newUserIdentitySchema, USER_LOCALES, USER_ROLES } from "@/lib/users/schemas";
import { runCli, UserFacingError } from "./support/cli";
import { openMigratedDatabase } from "./support/database";
import { readNewPassword } from "./support/read-password";
import { runTransaction } from "@/lib/audit/run-transaction";

const USAGE =
  'Usage: npm run user:create -- --username NAME --role admin|registrar|forensic|viewer [--display-name "…"] [--locale ar|en]';

const OPTION_NAMES: Record<string, string> = {
  username: "--username",
  displayName: "--display-name",
  role: `--role (${USER_ROLES.join(", ")})`,
  locale: `--locale (${USER_LOCALES.join(", ")})`,
  newPassword: "password",
  confirmPassword: "password confirmation",
};

function refusePasswordArgument(argumentsGiven: readonly string[]): void {
  if (argumentsGiven.some((argument) => argument === "--password" || argument.startsWith("--password="))) {
    throw new UserFacingError(
      "--password is not accepted: a password on the command line stays in shell history and is visible to other users. " +
        "Type it at the prompt, or pipe it on standard input.",
    );
  }
}

function readOptions(argumentsGiven: string[]) {
  try {
    const { values } = parseArgs({
      args: argumentsGiven,
      options: {
        username: { type: "string" },
        role: { type: "string" },
        "display-name": { type: "string" },
        locale: { type: "string", default: "ar" },
      },
    });
    return values;
  } catch (error) {
    // parseArgs explains an unknown or incomplete option in its message; the usage line says the rest.
    throw new UserFacingError(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
  }
}

/** Every problem on one line, in the words the create form uses. */
function describeIssues(error: z.ZodError): string {
  const validation: Record<string, string> = english.Validation;
  return error.issues
    .map((issue) => {
      const field = String(issue.path[0] ?? "");
      return `${OPTION_NAMES[field] ?? field}: ${validation[issue.message] ?? issue.message}`;
    })
    .join(" ");
}

async function readNewUser(argumentsGiven: string[]): Promise<NewUser> {
  refusePasswordArgument(argumentsGiven);
  const options = readOptions(argumentsGiven);
  if (!options.username || !options.role) throw new UserFacingError(`--username and --role are required. ${USAGE}`);
  const identity = newUserIdentitySchema.safeParse({
    username: options.username,
    displayName: options["display-name"] ?? options.username,
    role: options.role,
    locale: options.locale,
  });
  if (!identity.success) throw new UserFacingError(describeIssues(identity.error));
  const parsed = createUserSchema.safeParse({ ...identity.data, ...(await readNewPassword()) });
  if (!parsed.success) throw new UserFacingError(describeIssues(parsed.error));
  if (await isBreachedPassword(parsed.data.newPassword)) throw new UserFacingError(`${OPTION_NAMES.newPassword}: ${english.Validation.passwordTooCommon}`);
  return parsed.data;
}

runCli(async () => {
  const newUser = await readNewUser(process.argv.slice(2));
  const handle = await openMigratedDatabase();
  try {
    const user = await runTransaction(handle.db, async (tx) => {
      // The person typing chose this password, so there is nothing to change at the first sign-in.
      const created = await insertUser(tx, newUser, { mustChangePassword: false });
      if (!created) throw new UserFacingError(`The username "${newUser.username}" is already in use (in any letter case).`);
      await appendAuditEntry(tx, {
        actorId: null,
        actorLabel: "command line",
        action: "user.create",
        entity: "user",
        entityId: created.id,
        after: auditedNewUser(created),
      });
      return created;
    });
    console.log(`Created the ${user.role} account "${user.username}" in ${handle.description}.`);
  } finally {
    await handle.close();
  }
});
