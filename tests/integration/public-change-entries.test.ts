import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditAppendCount, REGISTRY_CHANGED_CHANNEL } from "@/db/registry-changes";
import { appendAuditEntry } from "@/lib/audit/append";
import { mayChangePublicAnswer } from "@/lib/audit/public-changes";
import { runTransaction } from "@/lib/audit/run-transaction";
import { registryStateKey } from "@/lib/public/change-keyed-cache";
import { describeOnEachBackend, testBackends } from "./support/databases";

const backends = await testBackends();

/** Entries the app writes that change no published figure (lib/audit/public-changes.ts). */
const UNPUBLISHED = [
  "auth.signIn",
  "auth.locked",
  "authz.denied",
  "user.changePassword",
  "user.create",
  "familyPortal.signIn",
  "familyPortal.signOut",
  "export.auditLog",
  "onlineReport.statusCheck",
  "missing_person.read",
];
/** Entries that may: each is announced. Near misses of the list above included. */
const PUBLISHED = ["remains.create", "identification.confirm", "graveSite.update", "settings.officeContact.update", "demo.seed", "onlineReport.accept", "authorisation.grant", "users.import", "exports.x"];

async function write(handle: DatabaseHandle, action: string): Promise<void> {
  await runTransaction(handle.db, (tx) => appendAuditEntry(tx, { actorId: null, actorLabel: "test", action, entity: "system" }));
}

describeOnEachBackend(backends, "audit entries that change no published figure", (database) => {
  it("the app's rule is the one the lists say", () => {
    expect(UNPUBLISHED.filter(mayChangePublicAnswer)).toEqual([]);
    expect(PUBLISHED.filter((action) => !mayChangePublicAnswer(action))).toEqual([]);
  });

  it("a sign-in, a refusal, an account change, an export or a read leaves the public figures' state and this process's count; a recorded change moves both", async () => {
    const handle = database();
    await write(handle, "remains.create");
    const keyBefore = await registryStateKey(handle.db);
    const appendsBefore = auditAppendCount();
    for (const action of UNPUBLISHED) await write(handle, action);
    expect(await registryStateKey(handle.db)).toBe(keyBefore);
    expect(auditAppendCount()).toBe(appendsBefore);

    await write(handle, "identification.confirm");
    expect(await registryStateKey(handle.db)).not.toBe(keyBefore);
    expect(auditAppendCount()).toBe(appendsBefore + 1);
  });

  it("announces to other processes exactly the entries that may change a published figure", async () => {
    const handle = database();
    const heard: string[] = [];
    let ended!: () => void;
    const end = new Promise<void>((resolve) => (ended = resolve));
    const listener = (payload: string) => {
      heard.push(payload);
      if (payload === "end") ended();
    };
    const client = (handle.db as unknown as { $client: unknown }).$client;
    if (client instanceof PGlite) await client.listen(REGISTRY_CHANGED_CHANNEL, listener);
    else await (client as Sql).listen(REGISTRY_CHANGED_CHANNEL, listener);

    // Each entry in a transaction of its own, followed by a marker naming it: notifications arrive in
    // commit order, so an empty payload before a marker is that entry's announcement.
    for (const action of [...UNPUBLISHED, ...PUBLISHED]) {
      await write(handle, action);
      await handle.db.execute(sql`select pg_notify(${REGISTRY_CHANGED_CHANNEL}, ${`after ${action}`})`);
    }
    await handle.db.execute(sql`select pg_notify(${REGISTRY_CHANGED_CHANNEL}, 'end')`);
    await end;
    const announced = heard.flatMap((payload, index) => (payload === "" ? [heard[index + 1]?.replace(/^after /, "")] : []));
    expect(announced).toEqual(PUBLISHED);
  });
});
