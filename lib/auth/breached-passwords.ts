import { passwordProblem, type PasswordProblem } from "./password-policy";

let breached: Promise<ReadonlySet<string>> | undefined;

/**
 * The 49,000 most common passwords of public breaches, from a maintained package (zxcvbn-ts). Loaded
 * on first use and only on the server: the forms share password-policy.ts with the browser, which
 * must not download this list, so the forms check length and patterns and the server adds this.
 */
function breachedPasswords(): Promise<ReadonlySet<string>> {
  breached ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"].map((password) => password.toLowerCase())),
  );
  return breached;
}

export async function breachedPasswordCount(): Promise<number> {
  return (await breachedPasswords()).size;
}

export async function isBreachedPassword(password: string): Promise<boolean> {
  return (await breachedPasswords()).has(password.toLowerCase());
}

/** The full policy, for the server: the rules the form checks, then the breached-password list. */
export async function serverPasswordProblem(password: string, username = ""): Promise<PasswordProblem | null> {
  return passwordProblem(password, username) ?? ((await isBreachedPassword(password)) ? "tooCommon" : null);
}
