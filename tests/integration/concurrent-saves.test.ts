import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createMissingPerson, updateMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { missingPersons } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser } from "./support/factories";
import { missingPersonInput, unwrap } from "./support/people";

const SAVES = 100;
const backends = await testBackends();

/**
 * A hundred people press "save" on the same missing person, each from the version they loaded.
 * On PostgreSQL the saves run on 20 connections at once; PGlite has one connection, so there they
 * queue — the rule (one wins, the rest are told of the conflict) must hold on both.
 */
describeOnEachBackend(backends, "a hundred concurrent saves of one missing person", (database) => {
  let wide: DatabaseHandle | undefined;

  beforeAll(async () => {
    const { config } = database();
    wide = config.kind === "postgres" ? await openDatabase(config, { maxConnections: 20 }) : database();
    actionRequest.db = wide.db;
    signInAs(await createUser(wide.db, "registrar"));
  });

  afterAll(async () => {
    if (wide && wide !== database()) await wide.close();
  });

  it("saves exactly one, refuses the other 99 with the conflict message, and the audit chain verifies", async () => {
    const input = missingPersonInput();
    const { missingPersonId } = unwrap(await createMissingPerson(input));
    const fields = Object.fromEntries(Object.entries(input).filter(([key]) => key !== "duplicatesReviewed"));
    const results = await Promise.all(
      Array.from({ length: SAVES }, (_, index) =>
        updateMissingPerson({ ...fields, missingPersonId, version: 1, status: "missing", lastSeenPlace: `محاولة ${index}` }),
      ),
    );

    const winners = results.flatMap((result, index) => (result.ok ? [index] : []));
    expect(winners).toHaveLength(1);
    const refusals = results.filter((result) => !result.ok);
    expect(refusals).toHaveLength(SAVES - 1);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ ok: false, error: "conflict", message: "Actions.conflict", conflict: { changedBy: expect.any(String) } });
    }

    const db = database().db;
    const [stored] = await db.select().from(missingPersons).where(eq(missingPersons.id, missingPersonId));
    expect(stored).toMatchObject({ version: 2, lastSeenPlace: `محاولة ${winners[0]}` });
    const entries = await auditEntriesFor(db, "missing_person", missingPersonId);
    expect(entries.map((entry) => entry.action).filter((action) => action.endsWith(".update"))).toHaveLength(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
