import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { childEnvironment } from "./child-environment";
import { repositoryRoot } from "./repository-root";
import { runCommand } from "./run-command";
import { createThrowawayDatabase, testPostgresAnswers, throwawayDatabaseNamed, type ThrowawayDatabase } from "./throwaway-postgres";

/**
 * The demo data is seeded once per e2e run, with `npm run db:seed` as a user runs it, into an
 * embedded data folder and into a PostgreSQL database. Each test file's server then gets a copy of
 * one of them (a folder copy, or `create database … template`): a second instead of a seed.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** An embedded data folder holding the demo data; copied, never opened by a test. */
    seededDataDirectory: string;
    /** A PostgreSQL database holding the demo data, copied as a template; "" when PostgreSQL did not answer. */
    seededPostgresDatabase: string;
  }
}

const SEED_TIMEOUT_MILLISECONDS = 180_000;

function seed(databaseEnvironment: Record<string, string>): Promise<string> {
  return runCommand("npm", ["run", "db:seed"], {
    cwd: repositoryRoot,
    env: childEnvironment(databaseEnvironment),
    timeoutMilliseconds: SEED_TIMEOUT_MILLISECONDS,
  });
}

/** `npm run db:seed` into a new embedded data folder. */
export async function seedDataDirectory(): Promise<{ dataDirectory: string; remove(): Promise<void> }> {
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-e2e-seeded-"));
  const dataDirectory = path.join(parent, "pglite");
  try {
    await seed({ DATA_DIR: dataDirectory });
  } catch (error) {
    await fs.rm(parent, { recursive: true, force: true });
    throw error;
  }
  return { dataDirectory, remove: () => fs.rm(parent, { recursive: true, force: true, maxRetries: 3 }) };
}

/** `npm run db:seed` into a new PostgreSQL database, or null when PostgreSQL does not answer. */
export async function seedPostgresDatabase(): Promise<ThrowawayDatabase | null> {
  if (!(await testPostgresAnswers())) return null;
  const database = await createThrowawayDatabase();
  try {
    await seed({ DATABASE_URL: database.url });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

export interface SeededData {
  embedded: { dataDirectory: string; remove(): Promise<void> };
  postgres: ThrowawayDatabase | null;
}

/** Seeds the demo data into an embedded data folder and, when PostgreSQL answers, a database, side by side. */
export async function seedBoth(): Promise<SeededData> {
  const [embedded, postgres] = await Promise.all([seedDataDirectory(), seedPostgresDatabase()]);
  return { embedded, postgres };
}

/** What seedBoth made, as seed-ahead.ts writes it down for another process. */
export function describeSeeded(seeded: SeededData): string {
  return JSON.stringify({ dataDirectory: seeded.embedded.dataDirectory, postgresDatabase: seeded.postgres?.name ?? "" });
}

/** The seeded data `describeSeeded` wrote down; the caller removes it when done. */
export function seededFromDescription(description: string): SeededData {
  const { dataDirectory, postgresDatabase } = JSON.parse(description) as { dataDirectory: string; postgresDatabase: string };
  // seedDataDirectory made the folder's parent for it alone.
  const parent = path.dirname(dataDirectory);
  if (!path.basename(parent).startsWith("tarhuna-e2e-seeded-")) throw new Error(`not a seeded data folder: ${dataDirectory}`);
  return {
    embedded: { dataDirectory, remove: () => fs.rm(parent, { recursive: true, force: true, maxRetries: 3 }) },
    postgres: postgresDatabase ? throwawayDatabaseNamed(postgresDatabase) : null,
  };
}

/**
 * What the e2e run's global setup seeded, or null outside vitest: `npm run load` starts servers
 * with these helpers too, and vitest's `inject` cannot run (nor vitest be loaded) in that process.
 */
async function seededSource<K extends "seededDataDirectory" | "seededPostgresDatabase">(key: K): Promise<string | null> {
  if (!process.env.VITEST) return null;
  const { inject } = await import("vitest");
  return inject(key);
}

/**
 * Copies the seeded embedded data (`seeded`, or the run's) into `dataDirectory`, an empty folder
 * (seeds it afresh outside vitest).
 */
export async function copySeededDataDirectory(dataDirectory: string, seeded?: string): Promise<void> {
  const source = seeded ?? (await seededSource("seededDataDirectory"));
  if (source === null) await seed({ DATA_DIR: dataDirectory });
  else await fs.cp(source, dataDirectory, { recursive: true });
}

/** A new PostgreSQL database holding the demo data, copied from the seeded one (seeded afresh outside vitest). */
export async function copySeededPostgresDatabase(): Promise<ThrowawayDatabase> {
  const template = await seededSource("seededPostgresDatabase");
  if (template === null) {
    const seeded = await seedPostgresDatabase();
    if (!seeded) throw new Error("PostgreSQL does not answer, so there is no database to seed");
    return seeded;
  }
  if (!template) throw new Error("PostgreSQL did not answer when the e2e run began, so there is no seeded database to copy");
  return createThrowawayDatabase(template);
}
