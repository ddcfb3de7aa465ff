import "server-only";
import path from "node:path";
import { environment, type Environment } from "@/lib/env";
import { describePostgresAddress, parsePostgresAddress } from "@/lib/postgres-address";

/** Where the data lives: a PostgreSQL server when DATABASE_URL is set, the embedded PGlite otherwise. */
export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string | null };

export function dataDirectory(env: Pick<Environment, "DATA_DIR"> = environment()): string {
  // The data folder is chosen at run time: keep the bundler from tracing the whole project for it.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR || "data");
}

export function readDatabaseConfig(env: Pick<Environment, "DATA_DIR" | "DATABASE_URL"> = environment()): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  return { kind: "pglite", dataDir: path.join(dataDirectory(env), "pglite") };
}

/** A description safe to print: never the password of a connection string. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `embedded PostgreSQL (PGlite) in ${config.dataDir ?? "memory"}`;
  const address = parsePostgresAddress(config.url);
  return address ? `PostgreSQL at ${describePostgresAddress(address)}` : "PostgreSQL (DATABASE_URL is not a valid URL)";
}

/** Why a command must not use the embedded database it would otherwise fall back to; null when it may. */
export function embeddedFallbackRefusal(
  config: DatabaseConfig,
  source: Record<string, string | undefined>,
  settingsFile: string | null,
): string | null {
  if (config.kind !== "pglite") return null;
  const where = settingsFile ? `in ${settingsFile}` : "in the environment (no settings file was read: see docs/DEPLOY.md, Configuration)";
  // A DATABASE_URL written down but empty means the operator meant PostgreSQL: an embedded database
  // created beside it would take the registry's writes where nobody looks for them.
  if ("DATABASE_URL" in source) {
    return `DATABASE_URL is set ${where} but empty: give the PostgreSQL address, or remove the line to use the embedded database.`;
  }
  if (source.NODE_ENV?.trim() === "production" && !source.DATA_DIR?.trim()) {
    return `NODE_ENV=production but no DATABASE_URL is set ${where}: set DATABASE_URL to the registry's PostgreSQL database, or DATA_DIR to use the embedded database on purpose.`;
  }
  return null;
}

