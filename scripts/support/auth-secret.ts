import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDirectory } from "@/db/config";
import type { Environment } from "@/lib/env";

/**
 * The demo's secret: AUTH_SECRET when set, otherwise one generated once and kept in the data
 * directory, readable by its owner only, so sessions survive a restart of the demo.
 */
export function demoAuthSecret(env: Environment): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dataDirectory(env), "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The server's environment: this one, passed on (the server checks it again at start, lib/env.ts),
 * with the secret and, unless the deployment names its public URL, the demo's address.
 */
export function authEnvironment(port: number, secret: string, checked: Environment): NodeJS.ProcessEnv {
  return { ...process.env, AUTH_SECRET: secret, NEXTAUTH_URL: checked.NEXTAUTH_URL ?? `http://localhost:${port}` };
}
