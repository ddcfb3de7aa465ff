import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { HttpsClient } from "./https-client";
import { killProcessGroupNow, startProcessGroup, stopProcessGroup, type ProcessGroup } from "./process-group";
import { repositoryRoot } from "./repository-root";

/** The Caddyfile a deployment installs (docs/DEPLOY.md), started as it is, with settings from the environment. */
export const DEPLOY_CADDYFILE = path.join(repositoryRoot, "deploy", "Caddyfile");

/** Caddy's path, or null when it is not installed (.ci/run installs Debian's caddy). */
export function caddyBinary(): string | null {
  try {
    return execFileSync("sh", ["-c", "command -v caddy"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

export interface RunningCaddy {
  client: HttpsClient;
  process: ProcessGroup;
  stop(): Promise<void>;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * `caddy run` on deploy/Caddyfile with `tls internal`, its state (the local certificate authority)
 * in a folder of its own, so nothing of the machine's is read or changed. Resolves once the proxy
 * answers /api/health over HTTPS with a certificate its root signed.
 */
export async function startCaddy(options: { httpsPort: number; httpPort: number; upstreams: string[] }): Promise<RunningCaddy> {
  const binary = caddyBinary();
  if (!binary) throw new Error("caddy is not installed");
  const home = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-caddy-"));
  const origin = `https://127.0.0.1:${options.httpsPort}`;
  const caddy = startProcessGroup(binary, ["run", "--config", DEPLOY_CADDYFILE, "--adapter", "caddyfile"], {
    cwd: home,
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: home,
      XDG_DATA_HOME: path.join(home, "data"),
      XDG_CONFIG_HOME: path.join(home, "config"),
      TARHUNA_SITE: `127.0.0.1:${options.httpsPort}`,
      TARHUNA_TLS: "internal",
      TARHUNA_UPSTREAMS: options.upstreams.join(" "),
      TARHUNA_HTTPS_PORT: String(options.httpsPort),
      TARHUNA_HTTP_PORT: String(options.httpPort),
    },
  });
  const killOnExit = () => killProcessGroupNow(caddy);
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    await stopProcessGroup(caddy);
    await fs.rm(home, { recursive: true, force: true });
  };
  const rootCertificate = path.join(home, "data", "caddy", "pki", "authorities", "local", "root.crt");
  const deadline = Date.now() + 30_000;
  let lastProblem = "not asked yet";
  while (Date.now() < deadline) {
    const exited = await Promise.race([caddy.exited, sleep(200).then(() => null)]);
    if (exited !== null) {
      await stop();
      throw new Error(`caddy exited (${exited}) before answering. Its output:\n${caddy.output}`);
    }
    const authority = await fs.readFile(rootCertificate, "utf8").catch(() => null);
    if (authority === null) continue;
    const client = new HttpsClient(origin, authority);
    try {
      const answer = await client.request("/api/health", {}, 5_000);
      if (answer.status === 200) return { client, process: caddy, stop: async () => (client.close(), await stop()) };
      lastProblem = `HTTP ${answer.status}: ${answer.body.slice(0, 200)}`;
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    client.close();
  }
  await stop();
  throw new Error(`caddy did not answer ${origin}/api/health within 30 s (last: ${lastProblem}). Its output:\n${caddy.output}`);
}
