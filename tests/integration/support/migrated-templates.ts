import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/**
 * Every integration test database starts as a copy of one database migrated once per run, instead
 * of running initdb and every migration per describe block (PGlite's initdb alone takes seconds).
 */

export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export function adminClient() {
  return postgres(ADMIN_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
}

export function postgresUrlFor(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The PostgreSQL template holding the demo data (support/seeded-templates.ts), named after the run's migrated one. */
export function seededPostgresTemplateName(migratedTemplate: string): string {
  return `${migratedTemplate}_demo`;
}

/** A migrated embedded database saved as PGlite's data directory image (a tar file). */
export async function makePgliteTemplate(): Promise<{ file: string; remove(): void }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-test-template-"));
  const file = path.join(folder, "pglite.tar");
  const handle = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    await migrateDatabase(handle);
    const image = await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir("none");
    fs.writeFileSync(file, Buffer.from(await image.arrayBuffer()));
  } finally {
    await handle.close();
  }
  return { file, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/**
 * A migrated PostgreSQL database that `create database … template` copies. Nothing may stay
 * connected to it, or PostgreSQL refuses the copy.
 */
export async function makePostgresTemplate(): Promise<{ name: string; remove(): Promise<void> }> {
  const name = `tarhuna_template_${randomBytes(6).toString("hex")}`;
  const admin = adminClient();
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const handle = await openDatabase({ kind: "postgres", url: postgresUrlFor(name) }, { maxConnections: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  return {
    name,
    async remove() {
      const dropper = adminClient();
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}
