import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { testBackends } from "./support/databases";
import { adminClient } from "./support/migrated-templates";

const postgresBackend = (await testBackends()).find((backend) => backend.name === "PostgreSQL");
/** Refusing a connection takes PostgreSQL milliseconds; a query still waiting after this hangs. */
const ANSWER_WITHIN_MILLISECONDS = 5_000;

/** The query's outcome, or "still waiting" once ANSWER_WITHIN_MILLISECONDS have passed. */
async function settledInTime(query: Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve("still waiting"), ANSWER_WITHIN_MILLISECONDS)));
  try {
    return await Promise.race([
      query.then(
        () => "answered",
        // drizzle wraps the driver's error as its cause.
        (error: unknown) => `failed: ${(error as { cause?: { code?: string } }).cause?.code ?? String(error)}`,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * While PostgreSQL refuses connections to the app's database (taken offline, too many clients,
 * starting up), a page must fail at once and show the calm error. postgres.js kept the statement a
 * cut connection was running, and a later start-up's refusal went to that old statement instead of
 * the new one, which then waited until the database came back (db/watched-socket.ts).
 */
describe.skipIf(!postgresBackend || postgresBackend.skip)("PostgreSQL refuses connections after cutting a running statement", () => {
  it("the next query fails within seconds with the refusal, and queries answer again once it accepts them", { timeout: 60_000 }, async () => {
    const testDatabase = await (postgresBackend as NonNullable<typeof postgresBackend>).create();
    const admin = adminClient();
    try {
      const { config } = testDatabase.handle;
      if (config.kind !== "postgres") throw new Error("expected PostgreSQL");
      const name = new URL(config.url).pathname.slice(1);
      const app = await openDatabase(config, { maxConnections: 1 });
      try {
        // A drizzle query runs once awaited; this one is cut while it runs.
        const running = settledInTime(Promise.resolve(app.db.execute(sql`select pg_sleep(30)`)));
        await expect.poll(async () => (await admin`select count(*)::int as n from pg_stat_activity where datname = ${name} and query like '%pg_sleep(30)%' and query not like '%pg_stat_activity%'`)[0]?.n, { timeout: 10_000 }).toBe(1);
        await admin.unsafe(`alter database ${name} allow_connections false`);
        await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
        expect(await running).toMatch(/^failed/);

        // 55000: database "…" is not currently accepting connections.
        expect(await settledInTime(app.db.execute(sql`select 1`))).toBe("failed: 55000");
        expect(await settledInTime(app.db.execute(sql`select 1`))).toBe("failed: 55000");

        await admin.unsafe(`alter database ${name} allow_connections true`);
        await expect.poll(() => settledInTime(app.db.execute(sql`select 1`)), { timeout: 20_000 }).toBe("answered");
      } finally {
        await admin.unsafe(`alter database ${name} allow_connections true`);
        await app.close();
      }
    } finally {
      await admin.end({ timeout: 5 });
      await testDatabase.dispose();
    }
  });
});
