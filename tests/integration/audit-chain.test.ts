import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { openDatabase, selectRows, type Database } from "@/db/client";
import { readDatabaseConfig } from "@/db/config";
import { migrateDatabase } from "@/db/migrate";
import { auditLog } from "@/db/schema";
import { appendAuditEntry, appendReadEntry } from "@/lib/audit/append";
import {
  BROKEN_LINK_REASON,
  CHANGED_ENTRY_REASON,
  SUB_MILLISECOND_REASON,
  verifyAuditChain,
} from "@/lib/audit/verify";
import {
  appendTestEntries,
  readAuditRow,
  reinsertAuditRow,
  restoreAuditRow,
  tamperWithAuditLog,
} from "./support/audit-tampering";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { runScript } from "./support/run-script";
import { runScriptInProcess } from "./support/run-script-in-process";

const backends = await testBackends();

describeOnEachBackend(backends, "the audit hash chain", (database) => {
  it("verifies a chain of appended entries, with the last entry's hash as its head", async () => {
    const db = database().db;
    const before = await verifyAuditChain(db);
    const appended = await appendTestEntries(db, 5);
    expect(await verifyAuditChain(db)).toEqual({
      ok: true,
      count: before.count + 5,
      headHash: appended.at(-1)?.hash,
    });
  });

  it("gives the same answer whatever the batch size, across batch boundaries", async () => {
    const db = database().db;
    await appendTestEntries(db, 4);
    const whole = await verifyAuditChain(db);
    for (const batchSize of [1, 2, 3, whole.count]) {
      expect(await verifyAuditChain(db, { batchSize })).toEqual(whole);
    }
  });

  it("hashes in the database exactly what the verifier hashes, whatever the text (Arabic, emoji, quotes, escapes)", async () => {
    const db = database().db;
    const before = await verifyAuditChain(db);
    const awkward = 'عبد الرَّحمن "أبو علي" \\ \n\t 👨‍👩‍👧 ’ ﷲ \u0007 end';
    const changed = await db.transaction((tx) =>
      appendAuditEntry(tx, {
        actorId: null,
        actorLabel: awkward,
        action: "test.text",
        entity: "system",
        entityId: awkward,
        before: { name: awkward, nested: { "ب": [1, 2.5, null, true] } },
        after: { name: `${awkward}!`, empty: {} },
        ip: "::1",
        userAgent: awkward,
      }),
    );
    const read = await appendReadEntry(db, { actorId: null, actorLabel: awkward, action: "missing_person.read", entity: "missing_person", after: { ids: [awkward] } });
    expect(read.id).toBe(changed.id + 1);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: before.count + 2, headHash: read.hash });
  });

  it("appends a read's entry on its own, and refuses to append a change that way", async () => {
    const db = database().db;
    const before = await verifyAuditChain(db);
    await expect(appendReadEntry(db, { actorId: null, actorLabel: "x", action: "person.update", entity: "missing_person" })).rejects.toThrow(/not a read/);
    const read = await appendReadEntry(db, { actorId: null, actorLabel: "reader", action: "family.read", entity: "family", entityId: "F-1", after: { ids: ["F-1"] } });
    expect(await readAuditRow(db, read.id)).toMatchObject({ action: "family.read", entityId: "F-1", after: { ids: ["F-1"] }, before: null });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: before.count + 1, headHash: read.hash });
  });

  it("hashes a millisecond timestamp the same after the database stores it with microseconds", async () => {
    const db = database().db;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2024-05-01T10:00:00.987Z"));
    const appended = await db
      .transaction((tx) => appendAuditEntry(tx, { actorId: null, actorLabel: "clock", action: "test.time", entity: "system" }))
      .finally(() => vi.useRealTimers());
    expect((await readAuditRow(db, appended.id)).occurredAt.toISOString()).toBe("2024-05-01T10:00:00.987Z");
    const [stored] = await selectRows<{ time: string }>(
      db,
      sql`select to_char(occurred_at at time zone 'UTC', 'HH24:MI:SS.US') as time from audit_log where id = ${appended.id}`,
    );
    expect(stored?.time).toBe("10:00:00.987000");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, headHash: appended.hash });
  });

  it.each([
    ["after", { after: { status: "rejected" } }],
    ["actor_label", { actorLabel: "someone else" }],
  ] as const)("reports exactly the entry whose %s was changed behind the trigger", async (_column, change) => {
    const db = database().db;
    const [, changed] = await appendTestEntries(db, 3);
    if (!changed) throw new Error("no entry to change");
    const original = await readAuditRow(db, changed.id);
    await tamperWithAuditLog(db, (tx) => tx.update(auditLog).set(change).where(eq(auditLog.id, changed.id)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { id: changed.id, reason: CHANGED_ENTRY_REASON } });

    await tamperWithAuditLog(db, (tx) => restoreAuditRow(tx, original));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("reports an entry whose time was moved by one microsecond, below what a JavaScript date holds", async () => {
    const db = database().db;
    const [changed] = await appendTestEntries(db, 2);
    if (!changed) throw new Error("no entry to change");
    const moved = sql`${auditLog.occurredAt} + interval '1 microsecond'`;
    await tamperWithAuditLog(db, (tx) => tx.update(auditLog).set({ occurredAt: moved }).where(eq(auditLog.id, changed.id)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { id: changed.id, reason: SUB_MILLISECOND_REASON } });

    const back = sql`${auditLog.occurredAt} - interval '1 microsecond'`;
    await tamperWithAuditLog(db, (tx) => tx.update(auditLog).set({ occurredAt: back }).where(eq(auditLog.id, changed.id)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("reports the entry that follows a removed one", async () => {
    const db = database().db;
    const [, removed, following] = await appendTestEntries(db, 3);
    if (!removed || !following) throw new Error("no entries to remove");
    const original = await readAuditRow(db, removed.id);
    await tamperWithAuditLog(db, (tx) => tx.delete(auditLog).where(eq(auditLog.id, removed.id)));
    const report = await verifyAuditChain(db);
    expect(report).toMatchObject({ ok: false, brokenAt: { id: following.id, reason: BROKEN_LINK_REASON } });

    await tamperWithAuditLog(db, (tx) => reinsertAuditRow(tx, original));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: report.count + 2 });
  });

  it("stays one linear chain when 50 writers append at the same time", async () => {
    const handle = database();
    // On PostgreSQL a pool of its own, so the writers really run side by side; PGlite serialises them.
    const writers = handle.config.kind === "postgres" ? await openDatabase(handle.config, { maxConnections: 10 }) : handle;
    try {
      const before = await verifyAuditChain(handle.db);
      const appended = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          writers.db.transaction((tx) =>
            appendAuditEntry(tx, { actorId: null, actorLabel: `writer ${index}`, action: "test.concurrent", entity: "system" }),
          ),
        ),
      );
      expect(new Set(appended.map((entry) => entry.id)).size).toBe(50);
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, count: before.count + 50 });
    } finally {
      if (writers !== handle) await writers.close();
    }
  });

  it("audit:verify exits 0 on an intact chain and 1 naming the changed entry", async ({ skip }) => {
    const handle = database();
    // The embedded database is checked by its own test below: an in-memory one is out of the command's reach.
    if (handle.config.kind !== "postgres") return skip();
    const environment = { DATABASE_URL: handle.config.url };
    const [changed] = await appendTestEntries(handle.db, 1);
    if (!changed) throw new Error("no entry to change");
    const intact = await verifyAuditChain(handle.db);
    if (!intact.ok) throw new Error("the chain should be intact before tampering");

    // In this process: the embedded database's test below spawns the command for real.
    const good = await runScriptInProcess("scripts/audit-verify.ts", environment);
    expect(good).toMatchObject({ exitCode: 0 });
    expect(good.stdout).toContain(`Audit chain intact: ${intact.count} entries, head ${intact.headHash}`);

    const original = await readAuditRow(handle.db, changed.id);
    await tamperWithAuditLog(handle.db, (tx) => tx.update(auditLog).set({ actorLabel: "forger" }).where(eq(auditLog.id, changed.id)));
    const broken = await runScriptInProcess("scripts/audit-verify.ts", environment);
    await tamperWithAuditLog(handle.db, (tx) => restoreAuditRow(tx, original));
    expect(broken).toMatchObject({ exitCode: 1 });
    expect(broken.stderr).toContain(`Audit chain BROKEN at entry ${changed.id}: ${CHANGED_ENTRY_REASON}`);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("audit:verify on the embedded database (file-backed PGlite in DATA_DIR)", () => {
  it("exits 0 on an intact chain and 1 naming the entry after a removed one", async () => {
    const dataDirectory = await mkdtemp(path.join(os.tmpdir(), "tarhuna-audit-"));
    const environment = { DATABASE_URL: undefined, DATA_DIR: dataDirectory };
    const config = readDatabaseConfig({ ...process.env, ...environment });
    // The embedded database belongs to one process at a time: close it before the command opens it.
    const withDatabase = async <Result>(work: (db: Database) => Promise<Result>): Promise<Result> => {
      const handle = await openDatabase(config);
      try {
        await migrateDatabase(handle);
        return await work(handle.db);
      } finally {
        await handle.close();
      }
    };
    try {
      const [, removed, following] = await withDatabase((db) => appendTestEntries(db, 3));
      if (!removed || !following) throw new Error("no entries to remove");
      const good = await runScript("scripts/audit-verify.ts", environment);
      expect(good).toMatchObject({ exitCode: 0 });
      expect(good.stdout).toContain(`Audit chain intact: 3 entries, head ${following.hash}`);

      await withDatabase((db) => tamperWithAuditLog(db, (tx) => tx.delete(auditLog).where(eq(auditLog.id, removed.id))));
      // The intact run above is spawned as a person runs it; this one runs in this process.
      const broken = await runScriptInProcess("scripts/audit-verify.ts", environment);
      expect(broken).toMatchObject({ exitCode: 1 });
      expect(broken.stderr).toContain(`Audit chain BROKEN at entry ${following.id}: ${BROKEN_LINK_REASON}`);
    } finally {
      await rm(dataDirectory, { recursive: true, force: true });
    }
  });
});
