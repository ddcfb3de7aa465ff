import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { UserFacingError } from "./cli";

const BUILD_ID = path.join(process.cwd(), ".next", "BUILD_ID");

export function hasProductionBuild(): boolean {
  return fs.existsSync(BUILD_ID);
}

export function assertProductionBuild(): void {
  if (!hasProductionBuild()) {
    throw new UserFacingError("No production build found. Run `npm run build` first, or `npm run demo`, which builds.");
  }
}

/** Runs a command from node_modules/.bin in the foreground; resolves when it exits cleanly. */
export function runBin(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const child = spawn(path.join(process.cwd(), "node_modules", ".bin", bin), args, { stdio: "inherit", env });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new UserFacingError(`${bin} ${args.join(" ")} stopped (${signal ?? `exit code ${code}`}).`));
    });
  });
}

/**
 * Serves the production build on the port and stays until it ends; a stop signal to this process is
 * passed on so the server can close the database cleanly.
 */
export async function serveProductionBuild(port: number, env: NodeJS.ProcessEnv): Promise<never> {
  // scripts/serve.mjs is Next's own handler with the public aggregates' replay in front (see there).
  const child = spawn(process.execPath, [path.join(process.cwd(), "scripts", "serve.mjs")], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", PORT: String(port) },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  const code = await new Promise<number>((resolve) => child.once("exit", (exitCode) => resolve(exitCode ?? 1)));
  process.exit(code);
}
