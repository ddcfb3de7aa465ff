import { randomBytes } from "node:crypto";
import postgres from "postgres";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

function adminClient() {
  return postgres(ADMIN_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
}

/** Whether the test PostgreSQL server (TEST_POSTGRES_URL) answers. */
export async function testPostgresAnswers(): Promise<boolean> {
  const admin = adminClient();
  try {
    await admin`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await admin.end({ timeout: 1 });
  }
}

/**
 * A database of its own on the test PostgreSQL server (TEST_POSTGRES_URL), for a test that must
 * change the records behind the app's back, which the app's embedded database cannot allow. Empty,
 * or a copy of `template` (which nothing may be connected to).
 */
export async function createThrowawayDatabase(template?: string): Promise<ThrowawayDatabase> {
  const name = `tarhuna_e2e_${randomBytes(6).toString("hex")}`;
  const admin = adminClient();
  try {
    await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return throwawayDatabaseNamed(name);
}

/** A throw-away database another process made (seed-ahead.ts), to copy and drop when done. */
export function throwawayDatabaseNamed(name: string): ThrowawayDatabase {
  if (!/^tarhuna_e2e_[0-9a-f]{12}$/.test(name)) throw new Error(`not a throw-away database's name: ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const admin = adminClient();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
