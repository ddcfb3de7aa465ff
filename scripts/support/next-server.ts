import { spawn } from "node:child_process";
import path from "node:path";
import { currentBuild, type BuildFolder } from "./build-folders.mjs";
import { UserFacingError } from "./cli";

/** The build to serve: the current one (.next-builds/current), fixed for the server's whole life. */
export function servedBuild(): BuildFolder {
  const build = currentBuild();
  if (!build) throw new UserFacingError("No production build found. Run `npm run build` first, or `npm run demo`, which builds.");
  return build;
}

/** Runs a command from node_modules/.bin in the foreground; resolves when it exits cleanly. */
export function runBin(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return runProgram(path.join(process.cwd(), "node_modules", ".bin", bin), args, env, [bin, ...args].join(" "));
}

/** Runs a program in the foreground; resolves when it exits cleanly. */
export function runProgram(file: string, args: string[], env: NodeJS.ProcessEnv, name = [file, ...args].join(" ")): Promise<void> {
  const child = spawn(file, args, { stdio: "inherit", env });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new UserFacingError(`${name} stopped (${signal ?? `exit code ${code}`}).`));
    });
  });
}

/**
 * Serves the production build on the port and stays until it ends; a stop signal to this process is
 * passed on so the server can close the database cleanly. The server is told its build's folder, so
 * a later `npm run build` making another build current changes nothing for it until it restarts.
 */
export async function serveProductionBuild(port: number, env: NodeJS.ProcessEnv, build: BuildFolder): Promise<never> {
  // scripts/serve.mjs is Next's own handler with the public aggregates' replay in front (see there).
  const child = spawn(process.execPath, [path.join(process.cwd(), "scripts", "serve.mjs")], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", PORT: String(port), TARHUNA_DIST_DIR: build.distDir },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  const code = await new Promise<number>((resolve) => child.once("exit", (exitCode) => resolve(exitCode ?? 1)));
  process.exit(code);
}
