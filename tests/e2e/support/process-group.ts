import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { FileOutputTail, OutputTail } from "./output-tail";

export interface ProcessGroup {
  child: ChildProcess;
  output: OutputTail | FileOutputTail;
  /** Resolves with the exit code (or the signal's name) once the group leader has exited. */
  exited: Promise<number | string>;
}

/**
 * Starts a command as the leader of a new process group. `npm start` runs node with the start
 * script, which runs the server (scripts/serve.mjs) as a process of its own: signalling only npm would leave the server holding
 * the port and the database lock, so the group is what gets stopped.
 */
export function startProcessGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; outputFile?: string },
): ProcessGroup {
  // With outputFile the group writes there itself, as a server writes to journald, and this process
  // reads none of it while it runs: a benchmark's load generator must not also be the log's reader.
  const descriptor = options.outputFile === undefined ? undefined : fs.openSync(options.outputFile, "a");
  let child: ChildProcess;
  try {
    child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: descriptor === undefined ? ["ignore", "pipe", "pipe"] : ["ignore", descriptor, descriptor],
    });
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
  const output = options.outputFile === undefined ? new OutputTail() : new FileOutputTail(options.outputFile);
  child.stdout?.on("data", (chunk: Buffer) => output.append(chunk));
  child.stderr?.on("data", (chunk: Buffer) => output.append(chunk));
  const exited = new Promise<number | string>((resolve) => {
    child.once("error", (error) => {
      output.append(`\n[could not run ${command}: ${error.message}]\n`);
      resolve(`error: ${error.message}`);
    });
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  return { child, output, exited };
}

function groupIsAlive(groupId: number): boolean {
  try {
    process.kill(-groupId, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
}

function signalGroup(groupId: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-groupId, signal);
  } catch (error) {
    // The group may have exited between the check and the signal; anything else is a real problem.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Asks every process of the group to stop, and forces those still running after the grace period. */
export async function stopProcessGroup(group: ProcessGroup, graceMilliseconds = 10_000): Promise<void> {
  const groupId = group.child.pid;
  if (groupId === undefined) return;
  signalGroup(groupId, "SIGTERM");
  const deadline = Date.now() + graceMilliseconds;
  while (groupIsAlive(groupId) && Date.now() < deadline) await sleep(100);
  if (groupIsAlive(groupId)) signalGroup(groupId, "SIGKILL");
  while (groupIsAlive(groupId)) await sleep(50);
}

/** Synchronous last resort for when the test process exits without running its cleanup. */
export function killProcessGroupNow(group: ProcessGroup): void {
  const groupId = group.child.pid;
  if (groupId !== undefined) signalGroup(groupId, "SIGKILL");
}
