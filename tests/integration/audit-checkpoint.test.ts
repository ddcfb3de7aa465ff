import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, desc, eq, gte, lt } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import type { Database, Transaction } from "@/db/client";
import { auditLog } from "@/db/schema";
import { checkpointSignatureValid, currentHead, signCheckpoint, storeCheckpoint } from "@/lib/audit/checkpoint";
import { appendAuditEntry } from "@/lib/audit/append";
import { auditEntryHash, GENESIS_HASH, type HashedAuditFields } from "@/lib/audit/hash";
import {
  BROKEN_LINK_REASON,
  CHECKPOINT_MISMATCH_REASON,
  CHECKPOINT_NOT_REACHED_REASON,
  ID_GAP_REASON,
  verifyAuditChain,
} from "@/lib/audit/verify";
import { appendTestEntries, readAuditRow, reinsertAuditRow, tamperWithAuditLog } from "./support/audit-tampering";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { runScript } from "./support/run-script";
import { runScriptInProcess } from "./support/run-script-in-process";

const backends = await testBackends();
const keyDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "tarhuna-checkpoint-"));
const { privateKey } = generateKeyPairSync("ed25519");

afterAll(() => fs.rmSync(keyDirectory, { recursive: true, force: true }));

function hashedFields(row: typeof auditLog.$inferSelect): HashedAuditFields {
  const { occurredAt, actorId, actorLabel, action, entity, entityId, before, after, ip, userAgent } = row;
  return { occurredAt, actorId, actorLabel, action, entity, entityId, before, after, ip, userAgent };
}

/**
 * What the database's owner can do: rewrite the chain from `fromId` on and compute every later
 * entry's hash again, so that each entry matches its contents and links to the one before it.
 */
async function rehashFrom(db: Database, fromId: number, change: (tx: Transaction) => Promise<unknown>): Promise<void> {
  await tamperWithAuditLog(db, async (tx) => {
    await change(tx);
    const rows = await tx.select().from(auditLog).where(gte(auditLog.id, fromId)).orderBy(asc(auditLog.id));
    let [previous] = await tx.select({ hash: auditLog.hash }).from(auditLog).where(lt(auditLog.id, fromId)).orderBy(desc(auditLog.id)).limit(1);
    for (const row of rows) {
      const prevHash = previous?.hash ?? GENESIS_HASH;
      const hash = auditEntryHash(prevHash, hashedFields(row));
      await tx.update(auditLog).set({ prevHash, hash }).where(eq(auditLog.id, row.id));
      previous = { hash };
    }
  });
}

describeOnEachBackend(backends, "signed checkpoints of the audit chain", (database) => {
  it("fails against the last checkpoint once the newest two entries are deleted, though every link still holds", async () => {
    const db = database().db;
    await appendTestEntries(db, 4);
    const checkpoint = signCheckpoint((await currentHead(db))!, privateKey);
    expect(await verifyAuditChain(db, { checkpoint })).toMatchObject({ ok: true });

    const newest = [checkpoint.entryId - 1, checkpoint.entryId];
    const removed = await Promise.all(newest.map((id) => readAuditRow(db, id)));
    await tamperWithAuditLog(db, (tx) => tx.delete(auditLog).where(gte(auditLog.id, newest[0]!)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db, { checkpoint })).toMatchObject({
      ok: false,
      brokenAt: { id: checkpoint.entryId, reason: CHECKPOINT_NOT_REACHED_REASON },
    });

    await tamperWithAuditLog(db, async (tx) => {
      for (const row of removed) await reinsertAuditRow(tx, row);
    });
    expect(await verifyAuditChain(db, { checkpoint })).toMatchObject({ ok: true });
  });

  it("fails against the checkpoint when a middle entry is rewritten and every later one re-hashed", async () => {
    const db = database().db;
    const [, middle] = await appendTestEntries(db, 3);
    const checkpoint = signCheckpoint((await currentHead(db))!, privateKey);
    await rehashFrom(db, middle!.id, (tx) => tx.update(auditLog).set({ actorLabel: "forger" }).where(eq(auditLog.id, middle!.id)));

    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(db, { checkpoint })).toMatchObject({
      ok: false,
      brokenAt: { id: checkpoint.entryId, reason: CHECKPOINT_MISMATCH_REASON },
    });
  });

  it("reports a removed middle entry by the gap in the ids even after the chain was re-linked", async () => {
    const db = database().db;
    const [, removed, following] = await appendTestEntries(db, 3);
    const original = await readAuditRow(db, removed!.id);
    await rehashFrom(db, following!.id, (tx) => tx.delete(auditLog).where(eq(auditLog.id, removed!.id)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { id: following!.id, reason: ID_GAP_REASON } });

    // The same contents hashed again give the same hashes: the chain is whole again for the next test.
    await rehashFrom(db, removed!.id, (tx) => reinsertAuditRow(tx, original));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("gives entries ids without gaps even when a transaction that wrote one is rolled back", async () => {
    const db = database().db;
    const before = await currentHead(db);
    await expect(
      db.transaction(async (tx) => {
        await appendAuditEntry(tx, { actorId: null, actorLabel: "test", action: "test.rollback", entity: "system" });
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    const [next] = await appendTestEntries(db, 1);
    expect(next!.id).toBe((before?.entryId ?? 0) + 1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("refuses a checkpoint whose signed contents were changed", async () => {
    const db = database().db;
    const checkpoint = signCheckpoint((await currentHead(db))!, privateKey);
    expect(checkpointSignatureValid(checkpoint)).toBe(true);
    expect(checkpointSignatureValid({ ...checkpoint, count: checkpoint.count - 2, entryId: checkpoint.entryId - 2 })).toBe(false);
    await storeCheckpoint(db, checkpoint);
  });

  it("npm run audit:checkpoint signs and stores the head; audit:verify --checkpoint fails once the newest entries are gone", async ({ skip }) => {
    const handle = database();
    // The command needs a database it can open itself; the embedded one of this test lives in memory.
    if (handle.config.kind !== "postgres") return skip();
    const keyFile = path.join(keyDirectory, "keys", "checkpoint.pem");
    const environment = { DATABASE_URL: handle.config.url, AUDIT_CHECKPOINT_KEY: keyFile };
    await appendTestEntries(handle.db, 3);

    const signed = await runScript("scripts/audit-checkpoint.ts", environment);
    expect(signed.exitCode, signed.stderr).toBe(0);
    expect((fs.statSync(keyFile).mode & 0o777).toString(8)).toBe("600");
    const checkpointFile = path.join(keyDirectory, "checkpoint.json");
    fs.writeFileSync(checkpointFile, signed.stdout);
    const head = await currentHead(handle.db);
    expect(JSON.parse(signed.stdout)).toMatchObject({ entryId: head!.entryId, count: head!.count, hash: head!.hash });

    // audit:verify runs in this process; audit-chain.test.ts spawns it for real.
    const intact = await runScriptInProcess("scripts/audit-verify.ts", environment, ["--checkpoint", checkpointFile]);
    expect(intact.exitCode, intact.stderr).toBe(0);
    expect(intact.stdout).toContain(`Reaches the checkpoint`);

    const removed = await Promise.all([head!.entryId - 1, head!.entryId].map((id) => readAuditRow(handle.db, id)));
    await tamperWithAuditLog(handle.db, (tx) => tx.delete(auditLog).where(gte(auditLog.id, head!.entryId - 1)));
    const broken = await runScriptInProcess("scripts/audit-verify.ts", environment, ["--checkpoint", checkpointFile]);
    const brokenByStoredCheckpoint = await runScriptInProcess("scripts/audit-verify.ts", environment);
    await tamperWithAuditLog(handle.db, async (tx) => {
      for (const row of removed) await reinsertAuditRow(tx, row);
    });
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain(`Audit chain BROKEN at entry ${head!.entryId}: ${CHECKPOINT_NOT_REACHED_REASON}`);
    expect(brokenByStoredCheckpoint.exitCode).toBe(1);

    fs.writeFileSync(checkpointFile, JSON.stringify({ ...JSON.parse(signed.stdout), count: 1 }));
    const forged = await runScriptInProcess("scripts/audit-verify.ts", environment, ["--checkpoint", checkpointFile]);
    expect(forged.exitCode).toBe(1);
    expect(forged.stderr).toContain("NOT valid");
  });

  it("npm run audit:rotate-key replaces the key: checkpoints signed before still verify, a stranger's key does not", async ({ skip }) => {
    const handle = database();
    if (handle.config.kind !== "postgres") return skip();
    const keyFile = path.join(keyDirectory, "rotation", "checkpoint.pem");
    const environment = { DATABASE_URL: handle.config.url, AUDIT_CHECKPOINT_KEY: keyFile };
    await appendTestEntries(handle.db, 2);
    // audit:checkpoint runs in this process here; the test above spawns it for real.
    const before = await runScriptInProcess("scripts/audit-checkpoint.ts", environment);
    expect(before.exitCode, before.stderr).toBe(0);
    const oldCheckpointFile = path.join(keyDirectory, "before-rotation.json");
    fs.writeFileSync(oldCheckpointFile, before.stdout);
    const oldPrivateKey = fs.readFileSync(keyFile, "utf8");

    const rotated = await runScript("scripts/audit-rotate-key.ts", environment);
    expect(rotated.exitCode, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain("npm run audit:checkpoint");
    // The old private key is gone: nothing can sign with it any more.
    expect(fs.readFileSync(keyFile, "utf8")).not.toBe(oldPrivateKey);
    expect((fs.statSync(keyFile).mode & 0o777).toString(8)).toBe("600");
    expect((fs.statSync(`${keyFile}.retired-public-keys`).mode & 0o777).toString(8)).toBe("600");

    const oldStillHolds = await runScriptInProcess("scripts/audit-verify.ts", environment, ["--checkpoint", oldCheckpointFile]);
    expect(oldStillHolds.exitCode, oldStillHolds.stderr).toBe(0);
    expect(oldStillHolds.stdout).toContain("retired key");

    const after = await runScriptInProcess("scripts/audit-checkpoint.ts", environment);
    expect(after.exitCode, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout).publicKey).not.toBe(JSON.parse(before.stdout).publicKey);
    const newest = await runScriptInProcess("scripts/audit-verify.ts", environment);
    expect(newest.exitCode, newest.stderr).toBe(0);

    // A checkpoint validly signed by a key this installation never had is refused.
    const head = await currentHead(handle.db);
    const strangerFile = path.join(keyDirectory, "stranger.json");
    fs.writeFileSync(strangerFile, JSON.stringify(signCheckpoint(head!, privateKey)));
    const stranger = await runScriptInProcess("scripts/audit-verify.ts", environment, ["--checkpoint", strangerFile]);
    expect(stranger.exitCode).toBe(1);
    expect(stranger.stderr).toContain("not by this installation's key");
  });

  it("still reports a removed middle entry by its broken link first", async () => {
    const db = database().db;
    const [, removed, following] = await appendTestEntries(db, 3);
    const original = await readAuditRow(db, removed!.id);
    await tamperWithAuditLog(db, (tx) => tx.delete(auditLog).where(eq(auditLog.id, removed!.id)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { id: following!.id, reason: BROKEN_LINK_REASON } });
    await tamperWithAuditLog(db, (tx) => reinsertAuditRow(tx, original));
  });
});
