import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "node:util";
import { vi } from "vitest";
import { readSettingsFileForCommand } from "@/scripts/support/load-env-file.mjs";
import type { ScriptResult } from "./run-script";

const projectRoot = fileURLToPath(new URL("../../..", import.meta.url));
let runs = 0;

/**
 * process.env with `changes` applied (undefined removes a variable); returns how to put back the
 * whole environment as it was, including what the command's settings file added to it.
 */
function changeEnvironment(changes: Record<string, string | undefined>): () => void {
  const previous = { ...process.env };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const name of Object.keys(process.env)) if (!(name in previous)) delete process.env[name];
    Object.assign(process.env, previous);
  };
}

/**
 * process.stdin replaced by a pipe that holds `input` and then ends, as a spawned command's is when
 * runScript writes `input` to it (not a terminal); returns how to put the real one back.
 */
function replaceStandardInput(input: string): () => void {
  const real = Object.getOwnPropertyDescriptor(process, "stdin");
  if (!real?.configurable) throw new Error("process.stdin cannot be replaced in this Node.js");
  Object.defineProperty(process, "stdin", { configurable: true, enumerable: real.enumerable, value: Readable.from([input]) });
  return () => Object.defineProperty(process, "stdin", real);
}

/**
 * Runs one of the project's scripts inside the test's own process, as `runScript` would in a new
 * one: the same arguments, environment changes, exit code and console output, without starting
 * npx, tsx and Node again (seconds per command on two busy cores). Each command keeps one test
 * that spawns it for real (run-script.ts), which covers what only a process shows.
 * The preload's settings file step runs first, as it does for every command
 * (scripts/support/register-server-only.mjs); the environment is restored whole afterwards.
 * The script is evaluated afresh (vi.resetModules), so nothing it caches carries over.
 * `input`, when given, is the command's standard input (a piped password), as runScript's.
 */
export async function runScriptInProcess(
  script: string,
  changes: Record<string, string | undefined>,
  args: readonly string[] = [],
  input?: string,
): Promise<ScriptResult> {
  const scriptPath = path.join(projectRoot, script);
  let stdout = "";
  let stderr = "";
  const toStdout = (...values: unknown[]) => void (stdout += `${format(...values)}\n`);
  const toStderr = (...values: unknown[]) => void (stderr += `${format(...values)}\n`);
  let exit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const spies = [
    vi.spyOn(console, "log").mockImplementation(toStdout),
    vi.spyOn(console, "info").mockImplementation(toStdout),
    vi.spyOn(console, "error").mockImplementation(toStderr),
    vi.spyOn(console, "warn").mockImplementation(toStderr),
    // The scripts end through process.exit (support/cli.ts): here that only reports the code.
    vi.spyOn(process, "exit").mockImplementation(((code?: number | string | null) => exit(Number(code ?? 0))) as typeof process.exit),
  ];
  const argv = process.argv;
  process.argv = [argv[0] ?? "node", scriptPath, ...args];
  const restoreEnvironment = changeEnvironment(changes);
  const restoreInput = input === undefined ? () => {} : replaceStandardInput(input);
  try {
    // The preload ends the command itself when the settings file named cannot be read.
    if (!readSettingsFileForCommand()) return { exitCode: await exited, stdout, stderr };
    vi.resetModules();
    runs += 1;
    await import(/* @vite-ignore */ `${pathToFileURL(scriptPath).href}?in-process=${runs}`);
    return { exitCode: await exited, stdout, stderr };
  } finally {
    restoreEnvironment();
    restoreInput();
    process.argv = argv;
    for (const spy of spies) spy.mockRestore();
  }
}
