import "./support/mock-action-request";
import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { recordCustodyEvent } from "@/app/[locale]/staff/remains/actions";
import { custodyEvents } from "@/db/schema";
import { getCustodyTimeline } from "@/lib/forensic/custody-queries";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { databaseErrorFacts } from "./support/database-errors";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains, createUser } from "./support/factories";
import { readAs } from "./support/read-access";


const backends = await testBackends();

function transferInput(remainsId: string, overrides: Record<string, unknown> = {}) {
  return {
    remainsId,
    sampleId: null,
    action: "transferred",
    fromParty: "Tarhuna field team",
    toParty: "Tripoli mortuary",
    place: "Tarhuna",
    occurredAt: "2021-03-04T09:30",
    notes: "",
    correctsEventId: null,
    ...overrides,
  };
}

describeOnEachBackend(backends, "chain of custody", (database) => {
  const db = () => database().db;

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  async function recorded(input: Record<string, unknown>): Promise<string> {
    const result = await recordCustodyEvent(input);
    if (!result.ok) expect.fail(`refused: ${JSON.stringify(result)}`);
    return result.data.eventId;
  }

  it("records a transfer at Libyan time, by the signed-in user, audited", async () => {
    const body = await createRemains(db());
    const user = await createUser(db(), "forensic");
    signInAs(user);
    const eventId = await recorded(transferInput(body.id));
    const [event] = await getCustodyTimeline(readAs("forensic", "forensic.read"), db(), { remainsId: body.id });
    expect(event).toMatchObject({ id: eventId, action: "transferred", occurredAt: "2021-03-04T07:30:00.000Z", recordedBy: user.displayName });
    expect(await auditEntriesFor(db(), "custody_event", eventId)).toMatchObject([{ action: "custody.record" }]);
  });

  it("corrects an entry with a new one that names it, leaving the wrong one in place", async () => {
    const body = await createRemains(db());
    signInAs(await createUser(db(), "forensic"));
    const wrongId = await recorded(transferInput(body.id, { toParty: "Misrata" }));
    const correctionId = await recorded(transferInput(body.id, { correctsEventId: wrongId }));
    const timeline = await getCustodyTimeline(readAs("forensic", "forensic.read"), db(), { remainsId: body.id });
    expect(timeline.find((event) => event.id === wrongId)).toMatchObject({ toParty: "Misrata", correctedByEventId: correctionId });
    expect(timeline.find((event) => event.id === correctionId)).toMatchObject({ correctsEventId: wrongId });
  });

  it("refuses to correct an entry of another body", async () => {
    const [first, second] = [await createRemains(db()), await createRemains(db())];
    signInAs(await createUser(db(), "forensic"));
    const otherId = await recorded(transferInput(first.id));
    const result = await recordCustodyEvent(transferInput(second.id, { correctsEventId: otherId }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { correctsEventId: "Forensic.correctionSubject" } });
  });

  it.each([
    ["action", { action: "lost" }, "invalidChoice"],
    ["occurredAt", { occurredAt: "2999-01-01T10:00" }, "Forensic.dateInFuture"],
    ["occurredAt", { occurredAt: "4 March" }, "Forensic.dateTimeFormat"],
    ["toParty", { toParty: "" }, "required"],
    ["place", { place: "x".repeat(201) }, "tooLong"],
  ])("refuses an invalid %s with its field error", async (field, overrides, message) => {
    const body = await createRemains(db());
    signInAs(await createUser(db(), "forensic"));
    expect(await recordCustodyEvent(transferInput(body.id, overrides))).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
    expect(await db().$count(custodyEvents, eq(custodyEvents.remainsId, body.id))).toBe(0);
  });

  it.each(["registrar", "viewer"] as const)("forbids a %s to record custody, even with a valid request", async (role) => {
    const body = await createRemains(db());
    signInAs(await createUser(db(), role));
    expect(await recordCustodyEvent(transferInput(body.id))).toMatchObject({ ok: false, error: "forbidden" });
    expect(await db().$count(custodyEvents, eq(custodyEvents.remainsId, body.id))).toBe(0);
  });

  it("cannot be edited or deleted, even directly in the database", async () => {
    const body = await createRemains(db());
    signInAs(await createUser(db(), "forensic"));
    const eventId = await recorded(transferInput(body.id));
    const update = db().execute(sql`update custody_events set to_party = 'elsewhere' where id = ${eventId}`);
    expect(await update.then(() => "updated", (error: unknown) => databaseErrorFacts(error).code)).not.toBe("updated");
  });
});
