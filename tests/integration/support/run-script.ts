import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../../..", import.meta.url));

export interface ScriptResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Our environment with `changes` applied: a variable set to undefined is removed. */
function changedEnvironment(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  return environment;
}

/**
 * Runs one of the project's scripts as a person would, in an environment changed by `changes`, with
 * `input` piped to its standard input (a password typed at the prompt) when given.
 */
export function runScript(
  script: string,
  changes: Record<string, string | undefined>,
  args: readonly string[] = [],
  input?: string,
): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "--import", "./scripts/support/register-server-only.mjs", script, ...args], {
      cwd: projectRoot,
      env: changedEnvironment(changes),
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
    if (input !== undefined) child.stdin?.end(input);
  });
}
