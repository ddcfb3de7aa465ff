import { eq } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { appendAuditEntry, type AuditEntryInput } from "@/lib/audit/append";
import { getAuditPage } from "@/lib/audit/queries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createRemains, createUser, uniqueSuffix } from "./support/factories";
import { readAs } from "./support/read-access";

const backends = await testBackends();

/** Entries of an entity no other test writes, so that each test sees only its own. */
const testEntity = () => `test_entity_${uniqueSuffix()}`;

function entry(entity: string, details: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return { actorId: null, actorLabel: "tester", action: "test.write", entity, ...details };
}

async function appendEntries(db: Database, inputs: AuditEntryInput[]): Promise<number[]> {
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const input of inputs) ids.push((await appendAuditEntry(tx, input)).id);
    return ids;
  });
}

/** Appends one entry as if it happened at `isoTime`. */
async function appendAt(db: Database, isoTime: string, input: AuditEntryInput): Promise<number> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(isoTime));
  try {
    const [id] = await appendEntries(db, [input]);
    if (id === undefined) throw new Error("no entry appended");
    return id;
  } finally {
    vi.useRealTimers();
  }
}

describeOnEachBackend(backends, "the audit viewer's query", (database) => {
  it("finds a record's entries by its case number or code, as staff know it, not only by its internal id", async () => {
    const db = database().db;
    const person = await createMissingPerson(db);
    const body = await createRemains(db);
    const [personEntry, bodyEntry] = await appendEntries(db, [
      entry("missing_person", { entityId: person.id }),
      entry("remains", { entityId: body.id }),
    ]);
    const byCode = async (code: string) => (await getAuditPage(readAs("admin", "audit.read"), db, { entityId: code }, null)).entries.map((row) => row.id);
    expect(await byCode(person.caseNumber)).toEqual([personEntry]);
    expect(await byCode(person.caseNumber.toLowerCase())).toEqual([personEntry]);
    expect(await byCode(body.code)).toEqual([bodyEntry]);
    expect(await byCode(person.id)).toEqual([personEntry]);
    expect(await byCode("TRH-MP-NO-SUCH")).toEqual([]);
  });

  it("pages newest first, 50 at a time, with cursors both ways and the total of matches", async () => {
    const db = database().db;
    const entity = testEntity();
    const ids = await appendEntries(db, Array.from({ length: 120 }, (_, index) => entry(entity, { entityId: String(index) })));
    const newestFirst = [...ids].reverse();

    const first = await getAuditPage(readAs("admin", "audit.read"), db, { entity }, null);
    expect(first.total).toBe(120);
    expect(first.entries.map((row) => row.id)).toEqual(newestFirst.slice(0, 50));
    expect(first.newer).toBeNull();
    expect(first.older).toEqual({ direction: "older", id: newestFirst[49] });

    const second = await getAuditPage(readAs("admin", "audit.read"), db, { entity }, first.older);
    expect(second.entries.map((row) => row.id)).toEqual(newestFirst.slice(50, 100));
    const third = await getAuditPage(readAs("admin", "audit.read"), db, { entity }, second.older);
    expect(third.entries.map((row) => row.id)).toEqual(newestFirst.slice(100));
    expect(third.older).toBeNull();
    expect(third.total).toBe(120);

    const backToSecond = await getAuditPage(readAs("admin", "audit.read"), db, { entity }, third.newer);
    expect(backToSecond.entries.map((row) => row.id)).toEqual(newestFirst.slice(50, 100));
    const backToFirst = await getAuditPage(readAs("admin", "audit.read"), db, { entity }, backToSecond.newer);
    expect(backToFirst.entries.map((row) => row.id)).toEqual(newestFirst.slice(0, 50));
    expect(backToFirst.newer).toBeNull();
    expect(backToFirst.older).toEqual(first.older);
  });

  it("finds an actor by the name written at the time and by the user's current username", async () => {
    const db = database().db;
    const entity = testEntity();
    const user = await createUser(db, "registrar");
    const [byUser, byLabel] = await appendEntries(db, [
      entry(entity, { actorId: user.id, actorLabel: "name-before-rename" }),
      entry(entity, { actorLabel: "Demo Seed" }),
      entry(entity, { actorLabel: "someone-else" }),
    ]);
    await db.update(users).set({ username: `renamed-${uniqueSuffix()}` }).where(eq(users.id, user.id));
    const [renamed] = await db.select({ username: users.username }).from(users).where(eq(users.id, user.id));
    if (!renamed) throw new Error("the user vanished");

    const ids = async (actor: string) => (await getAuditPage(readAs("admin", "audit.read"), db, { entity, actor }, null)).entries.map((row) => row.id);
    expect(await ids(renamed.username.toUpperCase())).toEqual([byUser]);
    expect(await ids("name-before-rename")).toEqual([byUser]);
    expect(await ids("demo seed")).toEqual([byLabel]);
    const [shown] = (await getAuditPage(readAs("admin", "audit.read"), db, { entity, actor: renamed.username }, null)).entries;
    expect(shown).toMatchObject({ actorLabel: "name-before-rename", actorUsername: renamed.username });
  });

  it("narrows to one record of one entity", async () => {
    const db = database().db;
    const entity = testEntity();
    const otherEntity = testEntity();
    const [wanted] = await appendEntries(db, [
      entry(entity, { entityId: "record-1", after: { status: "identified" } }),
      entry(entity, { entityId: "record-2" }),
      entry(otherEntity, { entityId: "record-1" }),
    ]);
    const page = await getAuditPage(readAs("admin", "audit.read"), db, { entity, entityId: "record-1" }, null);
    expect(page.total).toBe(1);
    expect(page.entries).toMatchObject([{ id: wanted, entity, entityId: "record-1", after: { status: "identified" } }]);
  });

  it("takes from and to as whole days in Libyan time, both included", async () => {
    const db = database().db;
    const entity = testEntity();
    // Tripoli is two hours ahead of UTC: 22:00 UTC on the 9th is already the 10th there.
    await appendAt(db, "2024-03-09T21:59:59.999Z", entry(entity));
    const firstOfDay = await appendAt(db, "2024-03-09T22:00:00.000Z", entry(entity));
    const lastOfDay = await appendAt(db, "2024-03-10T21:59:59.999Z", entry(entity));
    await appendAt(db, "2024-03-10T22:00:00.000Z", entry(entity));

    const oneDay = await getAuditPage(readAs("admin", "audit.read"), db, { entity, from: "2024-03-10", to: "2024-03-10" }, null);
    expect(oneDay.entries.map((row) => row.id)).toEqual([lastOfDay, firstOfDay]);
    expect((await getAuditPage(readAs("admin", "audit.read"), db, { entity, from: "2024-03-10" }, null)).total).toBe(3);
    expect((await getAuditPage(readAs("admin", "audit.read"), db, { entity, to: "2024-03-10" }, null)).total).toBe(3);
  });

  it("answers an empty page without cursors when nothing matches", async () => {
    const db = database().db;
    expect(await getAuditPage(readAs("admin", "audit.read"), db, { entity: testEntity() }, null)).toEqual({ entries: [], total: 0, newer: null, older: null });
    expect(await getAuditPage(readAs("admin", "audit.read"), db, { entity: testEntity() }, { direction: "older", id: 5 })).toEqual({
      entries: [],
      total: 0,
      newer: null,
      older: null,
    });
  });
});
