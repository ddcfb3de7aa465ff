import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { openViewing, recordRecognition, setRemoteViewing } from "@/app/[locale]/staff/belongings/actions";
import { auditLog, families, identifications, personalEffects } from "@/db/schema";
import { authoriseRead } from "@/lib/auth/read-access";
import { getViewingCatalogue } from "@/lib/belongings/catalogue";
import { openRecognitions, recognitionsOfPerson, recognitionsOfRemains } from "@/lib/belongings/recognitions";
import { actionRequest } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createRemains, proposeIdentification } from "./support/factories";
import { unwrap } from "./support/people";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();

describeOnEachBackend(backends, "the Book of Belongings at the office", (database) => {
  beforeEach(() => {
    actionRequest.db = database().db;
  });

  async function itemAndPerson() {
    const db = database().db;
    const body = await createRemains(db);
    const [effect] = await db
      .insert(personalEffects)
      .values({ remainsId: body.id, kind: "jewellery", description: "ساعة يد فضية بسوار جلدي", category: "watch", colour: "silver", material: "metal" })
      .returning();
    if (!effect) throw new Error("no effect");
    return { body, effect, person: await createMissingPerson(db) };
  }

  it("shows a family the items of unidentified bodies without any site, body code or date", async () => {
    const { body, effect } = await itemAndPerson();
    const registrar = await createStaffSession(database().db, "registrar");
    const items = await getViewingCatalogue(authoriseRead(registrar, "belongings.view"), database().db, { category: "watch", colour: "silver" });
    const item = items.find((row) => row.effectId === effect.id);
    expect(item).toEqual({ effectId: effect.id, category: "watch", colour: "silver", material: "metal", description: "ساعة يد فضية بسوار جلدي", photoIds: [] });
    expect(JSON.stringify(items)).not.toContain(body.code);
    expect(JSON.stringify(items)).not.toContain(body.recoveredOn);
    expect(await getViewingCatalogue(authoriseRead(registrar, "belongings.view"), database().db, { category: "shoes" })).not.toContainEqual(item);
  });

  it("records a tentative recognition as a lead on the body, the person and the forensic queue, never as an identification", async () => {
    const { body, effect, person } = await itemAndPerson();
    actionRequest.session = await createStaffSession(database().db, "registrar");
    const { viewingSessionId } = unwrap(await openViewing({ familyId: person.familyId }));
    const recorded = await recordRecognition({
      viewingSessionId,
      effectId: effect.id,
      missingPersonId: person.id,
      recognisedBy: "أم المفقود",
      words: "هذه ساعته، اشتراها من سوق الجمعة",
    });
    const { recognitionId } = unwrap(recorded);
    const read = authoriseRead(await createStaffSession(database().db, "forensic"), "belongings.view");
    const line = { id: recognitionId, recognisedBy: "أم المفقود", words: "هذه ساعته، اشتراها من سوق الجمعة", source: "office", followedUpAt: null };
    expect(await recognitionsOfRemains(read, database().db, body.id)).toEqual([expect.objectContaining(line)]);
    expect(await recognitionsOfPerson(read, database().db, person.id)).toEqual([expect.objectContaining({ ...line, remainsCode: body.code })]);
    expect(await openRecognitions(read, database().db)).toContainEqual(expect.objectContaining(line));
    expect(await database().db.select().from(identifications).where(eq(identifications.remainsId, body.id))).toEqual([]);
    const entries = await database().db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, recognitionId));
    expect(entries).toEqual([{ action: "belongings.recognise" }]);
    const opened = await database().db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, viewingSessionId));
    expect(opened).toEqual([{ action: "belongings.viewingOpen" }]);
  });

  it("refuses a recognition for another family's missing person, and for an item of an identified body", async () => {
    const { body, effect, person } = await itemAndPerson();
    const other = await createMissingPerson(database().db);
    actionRequest.session = await createStaffSession(database().db, "registrar");
    const { viewingSessionId } = unwrap(await openViewing({ familyId: person.familyId }));
    const values = { viewingSessionId, effectId: effect.id, recognisedBy: "الأخ", words: "" };
    expect(await recordRecognition({ ...values, missingPersonId: other.id })).toMatchObject({ ok: false, fieldErrors: { missingPersonId: "invalidChoice" } });
    const forensic = await createStaffSession(database().db, "forensic");
    const proposed = await proposeIdentification(database().db, { remainsId: body.id, missingPersonId: person.id, proposedBy: forensic.userId });
    await database().db.update(identifications).set({ status: "confirmed" }).where(eq(identifications.id, proposed.id));
    expect(await recordRecognition({ ...values, missingPersonId: person.id })).toMatchObject({ ok: false, error: "notFound" });
  });

  it("keeps remote viewing off until a registrar switches it on, and audits the switch", async () => {
    const { person } = await itemAndPerson();
    const remote = async () => (await database().db.select({ on: families.remoteViewing }).from(families).where(eq(families.id, person.familyId ?? "")))[0]?.on;
    expect(await remote()).toBe(false);
    actionRequest.session = await createStaffSession(database().db, "forensic");
    expect(await setRemoteViewing({ familyId: person.familyId, remoteViewing: true })).toMatchObject({ ok: false, error: "forbidden" });
    actionRequest.session = await createStaffSession(database().db, "registrar");
    unwrap(await setRemoteViewing({ familyId: person.familyId, remoteViewing: true }));
    expect(await remote()).toBe(true);
    const [entry] = await database().db.select().from(auditLog).where(eq(auditLog.action, "familyBelongings.remoteViewing"));
    expect(entry?.after).toEqual({ remoteViewing: true });
  });
});
