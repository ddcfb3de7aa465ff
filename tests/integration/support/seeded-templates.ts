import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { adminClient, postgresUrlFor, seededPostgresTemplateName } from "./migrated-templates";

/**
 * The demo data, seeded once per run and engine and copied for every test database that starts
 * from it, instead of seeding it again per describe block (the seed takes seconds of CPU on each
 * engine). Made by the first test file that asks for it, whichever worker runs that file: the
 * others wait for it through files in a folder of the run (support/global-setup.ts), so a run of
 * files that never ask for it pays nothing.
 */

export type Engine = "PGlite" | "PostgreSQL";

const WAIT_MILLISECONDS = 10 * 60_000;
const POLL_MILLISECONDS = 200;

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Where the seed of `engine` put the demo's effect drawings (its media store): a test that needs the
 * files beside the rows (a backup) copies them from here. Kept in the run's folder, not in DATA_DIR.
 */
export function seededMediaFolder(engine: Engine): string {
  return path.join(inject("seededTemplateFolder"), `${engine}-media`);
}

/** Seeds `handle` and fails loudly unless the seed ran on its empty database. */
async function seedOrFail(handle: DatabaseHandle, engine: Engine): Promise<void> {
  // Imported here, not at the top: every integration file loads this module, few seed.
  const { seedDemoData } = await import("@/lib/demo/seed");
  const { localMediaStore } = await import("@/lib/belongings/media-store");
  const result = await seedDemoData(handle.db, { reset: false, media: localMediaStore(seededMediaFolder(engine)) });
  if (result.status !== "seeded") throw new Error(`the demo seed did not run on a new database: ${JSON.stringify(result)}`);
}

async function makeSeededPglite(migratedImage: Blob, imageFile: string): Promise<void> {
  const handle = await openDatabase({ kind: "pglite", dataDir: null }, { pgliteImage: migratedImage });
  try {
    await seedOrFail(handle, "PGlite");
    const image = await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir("none");
    const partial = `${imageFile}.partial`;
    fs.writeFileSync(partial, Buffer.from(await image.arrayBuffer()));
    fs.renameSync(partial, imageFile);
  } finally {
    await handle.close();
  }
}

async function makeSeededPostgres(migratedTemplate: string): Promise<void> {
  const name = seededPostgresTemplateName(migratedTemplate);
  const admin = adminClient();
  try {
    await admin.unsafe(`create database ${name} template ${migratedTemplate}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  // Closed before anyone copies it: PostgreSQL refuses to copy a database somebody is connected to.
  const handle = await openDatabase({ kind: "postgres", url: postgresUrlFor(name) }, { maxConnections: 1 });
  try {
    await seedOrFail(handle, "PostgreSQL");
  } finally {
    await handle.close();
  }
}

/**
 * Makes the engine's seeded template unless another worker already is, then waits until it exists.
 * The first to create `<engine>.lock` makes it and then writes `<engine>.done` (or `.failed`).
 */
async function ensureSeeded(engine: Engine, make: () => Promise<void>): Promise<void> {
  const folder = inject("seededTemplateFolder");
  const done = path.join(folder, `${engine}.done`);
  const failed = path.join(folder, `${engine}.failed`);
  if (fs.existsSync(done)) return;
  let maker = false;
  try {
    fs.mkdirSync(path.join(folder, `${engine}.lock`));
    maker = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (maker) {
    try {
      await make();
      fs.writeFileSync(done, "");
      return;
    } catch (error) {
      fs.writeFileSync(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
      throw error;
    }
  }
  const deadline = Date.now() + WAIT_MILLISECONDS;
  while (Date.now() < deadline) {
    if (fs.existsSync(done)) return;
    if (fs.existsSync(failed)) throw new Error(`seeding the ${engine} template failed in another test file:\n${fs.readFileSync(failed, "utf8")}`);
    await sleep(POLL_MILLISECONDS);
  }
  throw new Error(`the seeded ${engine} template was not ready within ${WAIT_MILLISECONDS / 1000} s`);
}

let seededPgliteImage: Blob | undefined;

/** The seeded PGlite image, made on first use in the run and read once per worker. */
export async function seededPgliteImageOf(migratedImage: Blob): Promise<Blob> {
  const file = path.join(inject("seededTemplateFolder"), "pglite-demo.tar");
  await ensureSeeded("PGlite", () => makeSeededPglite(migratedImage, file));
  seededPgliteImage ??= new Blob([fs.readFileSync(file)]);
  return seededPgliteImage;
}

/** The name of the seeded PostgreSQL template, made on first use in the run. */
export async function seededPostgresTemplate(migratedTemplate: string): Promise<string> {
  await ensureSeeded("PostgreSQL", () => makeSeededPostgres(migratedTemplate));
  return seededPostgresTemplateName(migratedTemplate);
}
