import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { expect, it } from "vitest";
import { auditAppendCount, REGISTRY_CHANGED_CHANNEL } from "@/db/registry-changes";
import { auditLog } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { getAuditPage } from "@/lib/audit/queries";
import { recordRead } from "@/lib/audit/record-read";
import { verifyAuditChain } from "@/lib/audit/verify";
import { latestAuditHashes } from "@/lib/dossier/audit-hashes";
import { getRecordHistory } from "@/lib/forensic/record-history";
import { registryStateKey } from "@/lib/public/change-keyed-cache";
import { getPublicSummary } from "@/lib/public/summary";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser } from "./support/factories";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "audited reads of personal data", (database) => {
  const readerOf = async () => {
    const user = await createUser(database().db, "registrar");
    return { userId: user.id, username: user.username };
  };

  it("records one entry for a list page, naming every record it showed, findable by 'read' and by any of its records", async () => {
    const db = database().db;
    const before = await lastAuditEntryId(db);
    const families = [randomUUID(), randomUUID(), randomUUID()];
    const reader = await readerOf();
    await recordRead(db, reader, "family", [...families, families[0]!], { ip: "10.1.2.3" });

    const written = await auditEntriesAfter(db, before);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ action: "family.read", entity: "family", entityId: null, actorId: reader.userId, actorLabel: reader.username, ip: "10.1.2.3", after: { ids: families } });
    expect((await verifyAuditChain(db)).ok).toBe(true);

    const reads = await getAuditPage(readAs("admin", "audit.read"), db, { kind: "read" }, null);
    expect(reads.entries.map((entry) => entry.id)).toContain(written[0]!.id);
    expect(reads.entries.every((entry) => entry.action.endsWith(".read"))).toBe(true);
    const changes = await getAuditPage(readAs("admin", "audit.read"), db, { kind: "change" }, null);
    expect(changes.entries.map((entry) => entry.id)).not.toContain(written[0]!.id);
    const ofOneFamily = await getAuditPage(readAs("admin", "audit.read"), db, { entityId: families[1] }, null);
    expect(ofOneFamily.entries.map((entry) => entry.id)).toEqual([written[0]!.id]);
  });

  it("moves neither the public figures' updatedAt nor their cache key, and counts as no change in this process", async () => {
    const db = database().db;
    const reader = await readerOf();
    const change = await db.transaction((tx) => appendAuditEntry(tx, { actorId: null, actorLabel: "test", action: "test.change", entity: "system" }));
    const [changed] = await db.select({ at: auditLog.occurredAt }).from(auditLog).where(eq(auditLog.id, change.id));
    const keyBefore = await registryStateKey(db);
    const appendsBefore = auditAppendCount();

    await recordRead(db, reader, "missing_person", [randomUUID()]);

    expect(await registryStateKey(db)).toBe(keyBefore);
    expect(auditAppendCount()).toBe(appendsBefore);
    expect((await getPublicSummary(db)).updatedAt).toBe(changed?.at.toISOString());
  });

  it("notifies other processes of a change, never of a read", async () => {
    const handle = database();
    const reader = await readerOf();
    const payloads: string[] = [];
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    const heard = (payload: string) => {
      payloads.push(payload);
      if (payload === "end") ended();
    };
    const client = (handle.db as unknown as { $client: unknown }).$client;
    if (client instanceof PGlite) await client.listen(REGISTRY_CHANGED_CHANNEL, heard);
    else await (client as Sql).listen(REGISTRY_CHANGED_CHANNEL, heard);

    await recordRead(handle.db, reader, "dna_sample", [randomUUID(), randomUUID()]);
    await handle.db.transaction((tx) => appendAuditEntry(tx, { actorId: null, actorLabel: "test", action: "test.change", entity: "system" }));
    // Notifications arrive in commit order: a marker sent last tells when everything before it has arrived.
    await handle.db.execute(sql`select pg_notify(${REGISTRY_CHANGED_CHANNEL}, 'end')`);
    await end;
    expect(payloads).toEqual(["", "end"]);
  });

  it("leaves a record's history of changes and the hash a dossier cites to its changes, not to a later read", async () => {
    const db = database().db;
    const reader = await readerOf();
    const identificationId = randomUUID();
    const change = await db.transaction((tx) =>
      appendAuditEntry(tx, { actorId: null, actorLabel: "test", action: "identification.confirm", entity: "identification", entityId: identificationId }),
    );
    await recordRead(db, reader, "identification", [identificationId]);

    expect((await getRecordHistory(readAs("forensic", "people.read"), db, "identification", identificationId)).map((entry) => entry.id)).toEqual([change.id]);
    const [cited] = await latestAuditHashes(db, [{ entity: "identification", entityId: identificationId, label: "identification" }]);
    expect(cited).toMatchObject({ entryId: change.id, hash: change.hash });
  });
});
