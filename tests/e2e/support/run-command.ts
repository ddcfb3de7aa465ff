import { startProcessGroup, stopProcessGroup } from "./process-group";

export interface RunCommandOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMilliseconds: number;
}

/**
 * Runs a command to completion and returns its output; throws with that output when the command
 * fails or runs past its time, so that the test report says why.
 */
export async function runCommand(command: string, args: string[], options: RunCommandOptions): Promise<string> {
  const description = [command, ...args].join(" ");
  const group = startProcessGroup(command, args, options);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timed out">((resolve) => {
    timer = setTimeout(() => resolve("timed out"), options.timeoutMilliseconds);
  });
  const outcome = await Promise.race([group.exited, timedOut]);
  clearTimeout(timer);
  if (outcome === "timed out") {
    await stopProcessGroup(group);
    throw new Error(
      `${description} did not finish within ${options.timeoutMilliseconds / 1000} s. Its output:\n${group.output}`,
    );
  }
  if (outcome !== 0) {
    throw new Error(`${description} failed (exit ${outcome}). Its output:\n${group.output}`);
  }
  return group.output.toString();
}
