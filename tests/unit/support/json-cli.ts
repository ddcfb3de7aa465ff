import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runScriptInProcess } from "../../integration/support/run-script-in-process";
import type { ScriptResult } from "../../integration/support/run-script";

const projectRoot = fileURLToPath(new URL("../../..", import.meta.url));
const directory = await mkdtemp(join(tmpdir(), "json-cli-"));

/**
 * Runs `npm run <command> -- FILE.json` (scripts/<command>.ts) on `input` written to a file, as an
 * independent checker would. "spawned" runs npm for real; "in-process" runs the same script in this
 * process, which spares npm, tsx and Node's start.
 */
export async function runJsonCli(command: string, input: unknown, how: "spawned" | "in-process" = "in-process"): Promise<ScriptResult> {
  const file = join(directory, `${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(input));
  if (how === "in-process") return runScriptInProcess(`scripts/${command}.ts`, {}, [file]);
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", command, "--", file], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}
