import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { grantApplicationRole } from "@/lib/audit/database-roles";
import { parsePostgresAddress } from "@/lib/postgres-address";
import type { DatabaseHandle } from "./client";
import { environment, type Environment } from "@/lib/env";

export const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

/** Any fixed number: it names the advisory lock that keeps two starting processes from racing. */
const MIGRATION_LOCK_KEY = 7_310_116;

/**
 * True when every committed migration is recorded as applied, read as the app's own role: an app
 * that may not create tables (README, "Database roles") then starts without attempting any DDL.
 */
async function upToDate(url: string): Promise<boolean> {
  const newest = Math.max(...readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((migration) => migration.folderMillis));
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await client<{ applied: string | null }[]>`select max(created_at)::text as applied from drizzle.__drizzle_migrations`;
    return row?.applied !== null && row?.applied !== undefined && Number(row.applied) >= newest;
  } catch {
    // No migrations table yet (a new database) or not readable: the migrator decides and explains.
    return false;
  } finally {
    await client.end({ timeout: 5 });
  }
}

function roleOf(url: string): string {
  return parsePostgresAddress(url)?.username ?? "";
}

/**
 * Applies every committed migration not yet applied. Safe to call at every start-up. On PostgreSQL
 * the migrations run as MIGRATION_DATABASE_URL's role (the owner) when it is set, and the app's
 * role (DATABASE_URL) is then granted what it needs, never more.
 */
export async function migrateDatabase(handle: DatabaseHandle, env: Pick<Environment, "MIGRATION_DATABASE_URL"> = environment()): Promise<void> {
  if (handle.config.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const ownerUrl = env.MIGRATION_DATABASE_URL?.trim() || handle.config.url;
  // With an owner role given, its run also renews the app role's grants: it always goes ahead.
  if (ownerUrl === handle.config.url && (await upToDate(ownerUrl))) return;
  // One dedicated connection, so that the session-level advisory lock covers the whole migration.
  const client = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    const appRole = roleOf(handle.config.url);
    if (appRole !== "" && appRole !== roleOf(ownerUrl)) await grantApplicationRole(client, appRole);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * How many committed migrations the database has not applied (all of them for a new database),
 * read without changing anything: for the commands that must never migrate (audit:verify).
 */
export async function pendingMigrationCount(handle: DatabaseHandle): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  let applied = -1;
  try {
    const result: unknown = await handle.db.execute(sql`select max(created_at)::text as applied from drizzle.__drizzle_migrations`);
    // postgres.js answers with the rows themselves, PGlite with { rows }.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { applied: string | null }[];
    applied = rows[0]?.applied === null || rows[0]?.applied === undefined ? -1 : Number(rows[0].applied);
  } catch {
    // No migrations table: nothing was ever applied.
  }
  return migrations.filter((migration) => migration.folderMillis > applied).length;
}

