import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { ADMIN_URL, adminClient, postgresUrlFor } from "./migrated-templates";
import { seededPgliteImageOf, seededPostgresTemplate } from "./seeded-templates";

/** Every integration test runs on both engines the app supports: PGlite and PostgreSQL. */
export interface Backend {
  name: "PGlite" | "PostgreSQL";
  /** True when PostgreSQL does not answer and REQUIRE_POSTGRES is not set. */
  skip: boolean;
  /** A new database of its own with every migration applied (a copy of the run's template). */
  create(): Promise<TestDatabase>;
  /**
   * A new database of its own holding the demo data (`npm run db:seed`'s), copied from a template
   * seeded once per run (support/seeded-templates.ts) instead of seeding it again.
   */
  createWithDemoData(): Promise<TestDatabase>;
}

export interface TestDatabase {
  handle: DatabaseHandle;
  dispose(): Promise<void>;
}

function describeAdminUrl(): string {
  const url = new URL(ADMIN_URL);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/** The reason PostgreSQL cannot be used, or null when it answers. */
async function postgresUnavailableReason(): Promise<string | null> {
  const client = adminClient();
  try {
    await client`select 1`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end({ timeout: 1 });
  }
}

/** Set by support/global-setup.ts; never empty when PostgreSQL answered at the start of the run. */
function postgresTemplate(): string {
  const name = inject("postgresTemplate");
  if (!name) throw new Error("PostgreSQL did not answer when the run began, so no migrated template database was made");
  return name;
}

async function createPostgresDatabase(template = postgresTemplate()): Promise<TestDatabase> {
  const name = `tarhuna_test_${randomBytes(6).toString("hex")}`;
  const admin = adminClient();
  await admin.unsafe(`create database ${name} template ${template}`);
  const handle = await openDatabase({ kind: "postgres", url: postgresUrlFor(name) }, { maxConnections: 4 });
  return {
    handle,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

let pgliteImage: Blob | undefined;

/**
 * The run's migrated PGlite image (support/global-setup.ts), read once per test file's worker;
 * PGlite copies it into memory, or into the data folder it is opened on, for each database.
 */
export function migratedPgliteImage(): Blob {
  pgliteImage ??= new Blob([fs.readFileSync(inject("pgliteTemplateFile"))]);
  return pgliteImage;
}

async function createPgliteDatabase(image = migratedPgliteImage()): Promise<TestDatabase> {
  const handle = await openDatabase({ kind: "pglite", dataDir: null }, { pgliteImage: image });
  return { handle, dispose: () => handle.close() };
}

/**
 * The run's demo-data templates, for a test that opens the database itself (a file-backed PGlite
 * in a data folder, a PostgreSQL database of its own name): the PGlite image to load, and the
 * PostgreSQL database to name in `create database … template`. Their drawings: seededMediaFolder.
 */
export const demoDataTemplates = {
  pgliteImage: () => seededPgliteImageOf(migratedPgliteImage()),
  postgresTemplate: () => seededPostgresTemplate(postgresTemplate()),
};

export async function testBackends(): Promise<Backend[]> {
  const unavailable = await postgresUnavailableReason();
  const required = process.env.REQUIRE_POSTGRES === "1";
  if (unavailable && !required) {
    console.warn(
      `\n!!! PostgreSQL at ${describeAdminUrl()} is not reachable: the PostgreSQL leg is SKIPPED (${unavailable}).` +
        "\n!!! Set TEST_POSTGRES_URL, or REQUIRE_POSTGRES=1 to make this a failure.\n",
    );
  }
  return [
    {
      name: "PGlite",
      skip: false,
      create: () => createPgliteDatabase(),
      createWithDemoData: async () => createPgliteDatabase(await seededPgliteImageOf(migratedPgliteImage())),
    },
    {
      name: "PostgreSQL",
      skip: unavailable !== null && !required,
      create: () => createPostgresDatabase(),
      createWithDemoData: async () => createPostgresDatabase(await seededPostgresTemplate(postgresTemplate())),
    },
  ];
}

export interface DescribeOptions {
  /** "demo": the database starts with the demo data (Backend.createWithDemoData); otherwise empty. */
  data?: "empty" | "demo";
}

/**
 * Runs `body` once per backend, each with its own migrated database (a copy of the run's template)
 * that is thrown away afterwards. `body` receives a getter: the database exists only once beforeAll
 * has run.
 */
export function describeOnEachBackend(
  backends: readonly Backend[],
  title: string,
  body: (database: () => DatabaseHandle) => void,
  options: DescribeOptions = {},
): void {
  for (const backend of backends) {
    describe.skipIf(backend.skip)(`${title} (${backend.name})`, () => {
      let testDatabase: TestDatabase | undefined;
      beforeAll(async () => {
        testDatabase = options.data === "demo" ? await backend.createWithDemoData() : await backend.create();
      });
      afterAll(async () => {
        await testDatabase?.dispose();
      });
      body(() => {
        if (!testDatabase) throw new Error("the test database is not open yet");
        return testDatabase.handle;
      });
    });
  }
}
