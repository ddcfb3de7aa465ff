import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import { getPublicSummary } from "@/lib/public/summary";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains } from "./support/factories";

const backends = await testBackends();

/** A body recorded the way every change is: the record and its audit entry in one transaction. */
async function recordBody(db: Database, thenFail = false): Promise<void> {
  await runTransaction(db, async (tx) => {
    const body = await createRemains(tx);
    await appendAuditEntry(tx, { actorId: null, actorLabel: "test", action: "remains.create", entity: "remains", entityId: body.id, after: body });
    if (thenFail) throw new Error("rolled back on purpose");
  });
}

describeOnEachBackend(backends, "public figures kept between changes", (database) => {
  it("counts a body recorded by this process at once, and forgets a change that rolled back", async () => {
    const db = database().db;
    const before = await getPublicSummary(db);
    expect(await getPublicSummary(db)).toEqual(before);

    await recordBody(db);
    expect((await getPublicSummary(db)).bodiesRecovered).toBe(before.bodiesRecovered + 1);

    await expect(recordBody(db, true)).rejects.toThrow("rolled back on purpose");
    expect((await getPublicSummary(db)).bodiesRecovered).toBe(before.bodiesRecovered + 1);
  });
});

const postgresBackend = backends.find((backend) => backend.name === "PostgreSQL");

describe.skipIf(!postgresBackend || postgresBackend.skip)("public figures and another process (PostgreSQL)", () => {
  it("shows a body recorded by another process without a restart", async () => {
    const testDatabase = await (postgresBackend as NonNullable<typeof postgresBackend>).create();
    try {
      const { handle } = testDatabase;
      const { migrateDatabase } = await import("@/db/migrate");
      await migrateDatabase(handle);
      const before = await getPublicSummary(handle.db);
      if (handle.config.kind !== "postgres") throw new Error("expected PostgreSQL");
      const otherProcess = await openDatabase({ kind: "postgres", url: handle.config.url }, { maxConnections: 1 });
      try {
        await recordBody(otherProcess.db);
      } finally {
        await otherProcess.close();
      }
      // The other process's commit is announced asynchronously (a notification), within milliseconds.
      await expect.poll(async () => (await getPublicSummary(handle.db)).bodiesRecovered, { timeout: 5_000 }).toBe(before.bodiesRecovered + 1);
    } finally {
      await testDatabase.dispose();
    }
  });
});
