import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDirectory } from "@/db/config";
import { UserFacingError } from "./cli";

/** Production signs staff sessions with AUTH_SECRET; without it nobody could sign in safely. */
export function requireAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.AUTH_SECRET?.trim();
  if (!secret) {
    throw new UserFacingError(
      "AUTH_SECRET is not set. Generate one (for example `openssl rand -base64 32`) and set AUTH_SECRET before starting; `npm run demo` makes one for you.",
    );
  }
  if (secret.length < 32) throw new UserFacingError("AUTH_SECRET is too short: use at least 32 characters.");
  return secret;
}

/**
 * The demo's secret: AUTH_SECRET when set, otherwise one generated once and kept in the data
 * directory, readable by its owner only, so sessions survive a restart of the demo.
 */
export function demoAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AUTH_SECRET?.trim()) return requireAuthSecret(env);
  const file = path.join(dataDirectory(env), "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Production names its public address: next-auth builds its links and its cookies' Secure flag from
 * it, and the staff routes accept requests only from that origin (or the host they were sent to).
 * A guessed http://localhost would leave the session cookies without Secure behind a TLS proxy.
 */
export function requirePublicUrl(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.NEXTAUTH_URL?.trim();
  if (!value) {
    throw new UserFacingError(
      "NEXTAUTH_URL is not set. Set it to the address people open the registry at, e.g. NEXTAUTH_URL=https://registry.example.ly; `npm run demo` uses http://localhost:PORT.",
    );
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new UserFacingError(`NEXTAUTH_URL must be an http or https address such as https://registry.example.ly, not "${value}".`);
  }
  return value;
}

/** The address next-auth builds its links from, unless the deployment names its public URL (the demo's default). */
export function authEnvironment(port: number, secret: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, AUTH_SECRET: secret, NEXTAUTH_URL: env.NEXTAUTH_URL || `http://localhost:${port}` };
}
