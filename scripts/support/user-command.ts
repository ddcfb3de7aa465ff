import { parseArgs } from "node:util";
import { UserCommandError } from "@/lib/users/command-line";
import { UserFacingError } from "./cli";

/** The --username of a user command; anything else (a --password above all) is refused with the usage line. */
export function usernameArgument(argumentsGiven: string[], usage: string, flags: string[] = []): { username: string; flags: Set<string> } {
  if (argumentsGiven.some((argument) => argument === "--password" || argument.startsWith("--password="))) {
    throw new UserFacingError("--password is not accepted: a password on the command line stays in shell history and is visible to other users. Pipe it on standard input, type it at the prompt, or use --generate.");
  }
  try {
    const { values } = parseArgs({
      args: argumentsGiven,
      options: { username: { type: "string" }, ...Object.fromEntries(flags.map((flag) => [flag, { type: "boolean" as const }])) },
    });
    if (typeof values.username !== "string" || values.username === "") throw new UserFacingError(usage);
    return { username: values.username, flags: new Set(flags.filter((flag) => (values as Record<string, unknown>)[flag] === true)) };
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError(`${error instanceof Error ? error.message : String(error)}. ${usage}`);
  }
}

/** A refusal of lib/users/command-line.ts, as the one line every command prints. */
export function asUserFacing(error: unknown): unknown {
  return error instanceof UserCommandError ? new UserFacingError(error.message) : error;
}
