import readline from "node:readline";
import { UserFacingError } from "./cli";

const ENTER = new Set(["\r", "\n"]);
const BACKSPACE = new Set(["\u007f", "\b"]);
const CONTROL_C = "\u0003";
const CONTROL_D = "\u0004";

/** Reads one line from the terminal without echoing it: a password must not stay on the screen. */
export function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  // Echo goes off before the question appears, so nothing typed after it can reach the screen.
  input.setRawMode(true);
  input.setEncoding("utf8");
  input.resume();
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = "";
    const finish = (error?: Error) => {
      input.removeListener("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (ENTER.has(character) || character === CONTROL_D) return finish();
        if (character === CONTROL_C) return finish(new UserFacingError("Cancelled; no user was created."));
        typed = BACKSPACE.has(character) ? [...typed].slice(0, -1).join("") : typed + character;
      }
    };
    input.on("data", onData);
  });
}

/** The first line of standard input, for scripted installs that pipe the password in. */
export async function readFirstLine(): Promise<string> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

/**
 * A new password and its confirmation: typed twice at a hidden prompt on a terminal, or the first
 * line of standard input (used for both) when it is piped.
 */
export async function readNewPassword(): Promise<{ newPassword: string; confirmPassword: string }> {
  if (!process.stdin.isTTY) {
    const newPassword = await readFirstLine();
    if (newPassword === "") {
      throw new UserFacingError("No password on standard input: pipe it as the first line, or run the command in a terminal to be asked.");
    }
    return { newPassword, confirmPassword: newPassword };
  }
  const newPassword = await promptHidden("Password for the new user: ");
  const confirmPassword = await promptHidden("The same password again: ");
  return { newPassword, confirmPassword };
}
