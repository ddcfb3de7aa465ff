import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { testBackends } from "./support/databases";

const postgresBackend = (await testBackends()).find((backend) => backend.name === "PostgreSQL");
/** Any fixed number: the advisory lock the two transactions contend for. */
const LOCK_KEY = 7_310_999;

/**
 * The app drops a PostgreSQL connection that owes an answer and has heard nothing for 15 s
 * (db/watched-socket.ts) — unless the server still answers elsewhere. A statement waiting that long
 * for a lock is silent in the same way, and must be left to finish.
 */
describe.skipIf(!postgresBackend || postgresBackend.skip)("a statement that waits longer than the stall limit (PostgreSQL)", () => {
  it("waits for a lock held for 17 s and then completes, its connection kept", { timeout: 60_000 }, async () => {
    const testDatabase = await (postgresBackend as NonNullable<typeof postgresBackend>).create();
    try {
      const { handle } = testDatabase;
      if (handle.config.kind !== "postgres") throw new Error("expected PostgreSQL");
      const holder = await openDatabase({ kind: "postgres", url: handle.config.url }, { maxConnections: 1 });
      try {
        let release = () => {};
        const released = new Promise<void>((resolve) => (release = resolve));
        const holding = holder.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
          await released;
        });
        await new Promise((resolve) => setTimeout(resolve, 500));
        const waiting = handle.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
          return "got the lock";
        });
        setTimeout(release, 17_000);
        await expect(waiting).resolves.toBe("got the lock");
        await holding;
      } finally {
        await holder.close();
      }
    } finally {
      await testDatabase.dispose();
    }
  });
});
