import { randomBytes } from "node:crypto";
import postgres from "postgres";

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface ThrowawayDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of its own on the test PostgreSQL server (TEST_POSTGRES_URL), for a test that
 * must change the records behind the app's back, which the app's embedded database cannot allow.
 */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const name = `tarhuna_e2e_${randomBytes(6).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
