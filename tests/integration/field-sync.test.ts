import "./support/mock-action-request";
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { registerFieldDevice, reserveFieldCodes, syncFieldItem } from "@/app/[locale]/staff/field/actions";
import { updateRemains } from "@/app/[locale]/staff/remains/actions";
import { auditLog, custodyEvents, fieldSyncItems, graveSites, personalEffects, remains } from "@/db/schema";
import { localReference, remainsCodeOf, siteCodeOf, type FieldItemKind } from "@/lib/field/schemas";
import { suggestNextRemainsCode, suggestNextSiteCode } from "@/lib/forensic/site-queries";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser } from "./support/factories";
import { GRAVE_SITE_VALUES, REMAINS_VALUES } from "./support/forensic-inputs";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "field capture sync", (database) => {
  const db = () => database().db;

  async function ok<Data>(result: Promise<{ ok: true; data: Data } | { ok: false }>): Promise<Data> {
    const settled = await result;
    if (!settled.ok) expect.fail(`refused: ${JSON.stringify(settled)}`);
    return settled.data;
  }

  async function newDevice(label = "Tablet, team A") {
    return (await ok(registerFieldDevice({ label }))).deviceId;
  }

  function item(deviceId: string, kind: FieldItemKind, payload: Record<string, unknown>, itemId = randomUUID()) {
    return { deviceId, itemId, kind, capturedAt: "2026-03-01T08:15:00.000Z", positionAccuracyMetres: kind === "graveSite.create" ? 12 : null, payload };
  }

  /** A site and a body recorded offline on one device, the body naming the site by its queued item. */
  async function siteAndBodyItems(deviceId: string) {
    const siteBlock = await ok(reserveFieldCodes({ deviceId, siteId: null, count: 2 }));
    const siteCode = siteCodeOf(siteBlock.firstNumber);
    const site = item(deviceId, "graveSite.create", { code: siteCode, ...GRAVE_SITE_VALUES });
    const body = item(deviceId, "remains.create", { siteId: localReference(site.itemId), code: remainsCodeOf(siteCode, 1), ...structuredClone(REMAINS_VALUES) });
    return { site, body, siteCode, siteBlock };
  }

  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUser(db(), "forensic"));
  });

  it("applies a site and a body queued offline once each, however often the device sends them", async () => {
    const deviceId = await newDevice();
    const { site, body, siteCode } = await siteAndBodyItems(deviceId);
    const siteAnswer = await ok(syncFieldItem(site));
    const bodyAnswer = await ok(syncFieldItem(body));
    expect(siteAnswer).toMatchObject({ status: "applied", replayed: false });
    expect(bodyAnswer).toMatchObject({ status: "applied", replayed: false, data: { version: 1 } });
    // The answers were lost on the way: the device sends both again.
    expect(await ok(syncFieldItem(site))).toMatchObject({ status: "applied", replayed: true, data: siteAnswer.status === "applied" ? siteAnswer.data : {} });
    expect(await ok(syncFieldItem(body))).toMatchObject({ status: "applied", replayed: true });
    const [savedSite] = await db().select().from(graveSites).where(eq(graveSites.code, siteCode));
    expect(await db().$count(remains, eq(remains.siteId, savedSite?.id ?? ""))).toBe(1);
    const remainsId = bodyAnswer.status === "applied" ? String(bodyAnswer.data.remainsId) : "";
    expect(await db().$count(personalEffects, eq(personalEffects.remainsId, remainsId))).toBe(2);
  });

  it("writes when and on which device a record was captured, and when it was synced, into its audit entry", async () => {
    const deviceId = await newDevice();
    const { site, body } = await siteAndBodyItems(deviceId);
    await ok(syncFieldItem(site));
    const answer = await ok(syncFieldItem(body));
    await ok(syncFieldItem(body));
    const remainsId = answer.status === "applied" ? String(answer.data.remainsId) : "";
    const [created] = await auditEntriesFor(db(), "remains", remainsId);
    expect(created).toMatchObject({
      action: "remains.create",
      actorId: actionRequest.session?.userId,
      after: { code: body.payload.code, fieldCapture: { deviceId, itemId: body.itemId, capturedAt: body.capturedAt, syncedAt: expect.any(String) } },
    });
    const deviceEntries = await auditEntriesFor(db(), "field_device", deviceId);
    expect(deviceEntries.map((entry) => entry.action)).toEqual(["field.registerDevice", "field.reserveCodes", "field.sync", "field.sync", "field.syncReplay"]);
  });

  it("keeps a conflict with both versions when the body was edited on the server meanwhile, and overwrites nothing", async () => {
    const deviceId = await newDevice();
    const { site, body, siteCode } = await siteAndBodyItems(deviceId);
    await ok(syncFieldItem(site));
    const created = await ok(syncFieldItem(body));
    const remainsId = created.status === "applied" ? String(created.data.remainsId) : "";
    const [savedSite] = await db().select().from(graveSites).where(eq(graveSites.code, siteCode));
    const { recoveredOn, estimatedSex, ageMin, ageMax, condition, storageLocation } = REMAINS_VALUES;
    await ok(updateRemains({ remainsId, version: 1, code: body.payload.code, recoveredOn, estimatedSex, ageMin, ageMax, condition, storageLocation, notes: "Skull sent to the laboratory", effects: [] }));
    expect(savedSite).toBeDefined();

    const note = item(deviceId, "remains.fieldNote", { remainsId, version: 1, notes: "Second skull found beside the body" });
    const answer = await ok(syncFieldItem(note));
    expect(answer).toMatchObject({
      status: "conflict",
      mine: { notes: "Second skull found beside the body" },
      theirs: { notes: "Skull sent to the laboratory" },
      changedBy: actionRequest.session?.username,
    });
    const [row] = await db().select({ notes: remains.notes, version: remains.version }).from(remains).where(eq(remains.id, remainsId));
    expect(row).toEqual({ notes: "Skull sent to the laboratory", version: 2 });
    const [kept] = await db().select().from(fieldSyncItems).where(eq(fieldSyncItems.itemId, note.itemId));
    expect(kept).toMatchObject({ status: "conflict", outcome: { theirs: { notes: "Skull sent to the laboratory" } } });
    expect(await ok(syncFieldItem(note))).toMatchObject({ status: "conflict", replayed: true });

    const resolved = await ok(syncFieldItem(item(deviceId, "remains.fieldNote", { remainsId, version: 2, notes: "Skull sent to the laboratory. Second skull found beside the body" })));
    expect(resolved).toMatchObject({ status: "applied", data: { version: 3 } });
  });

  it("never gives two devices the same codes, and the online suggestion starts past both blocks", async () => {
    const [first, second] = [await newDevice("Tablet 1"), await newDevice("Tablet 2")];
    const reservedAtOnce = await Promise.all([ok(reserveFieldCodes({ deviceId: first, siteId: null, count: 3 })), ok(reserveFieldCodes({ deviceId: second, siteId: null, count: 3 }))]);
    const { site, siteBlock } = await siteAndBodyItems(first);
    const siteBlocks = [...reservedAtOnce, siteBlock];
    const siteAnswer = await ok(syncFieldItem(site));
    const siteId = siteAnswer.status === "applied" ? String(siteAnswer.data.siteId) : "";
    const bodyBlocks = await Promise.all([
      ok(reserveFieldCodes({ deviceId: first, siteId, count: 20 })),
      ok(reserveFieldCodes({ deviceId: second, siteId, count: 20 })),
      ok(reserveFieldCodes({ deviceId: second, siteId, count: 5 })),
    ]);
    for (const blocks of [siteBlocks, bodyBlocks]) {
      const numbers = blocks.flatMap((block) => Array.from({ length: block.lastNumber - block.firstNumber + 1 }, (_, index) => block.firstNumber + index));
      expect(new Set(numbers).size).toBe(numbers.length);
    }
    const highestBody = Math.max(...bodyBlocks.map((block) => block.lastNumber));
    const siteCode = String(site.payload.code);
    expect(await suggestNextRemainsCode(readAs("forensic", "forensic.write"), db(), { id: siteId, code: siteCode })).toBe(remainsCodeOf(siteCode, highestBody + 1));
    expect(await suggestNextSiteCode(readAs("forensic", "forensic.write"), db())).toBe(siteCodeOf(Math.max(...siteBlocks.map((block) => block.lastNumber)) + 1));

    const secondsNumber = bodyBlocks[1]?.firstNumber ?? 0;
    const taken = await ok(syncFieldItem(item(first, "remains.create", { siteId, code: remainsCodeOf(siteCode, secondsNumber), ...structuredClone(REMAINS_VALUES) })));
    expect(taken).toMatchObject({ status: "refused", fieldErrors: { code: "Field.codeReservedElsewhere" } });
    expect(await db().$count(remains, eq(remains.siteId, siteId))).toBe(0);
  });

  it("refuses a record that fails the online form's rules, keeps why, and writes nothing of it", async () => {
    const deviceId = await newDevice();
    const { site } = await siteAndBodyItems(deviceId);
    const answer = await ok(syncFieldItem({ ...site, payload: { ...site.payload, latitude: 48.85, longitude: 2.35 } }));
    expect(answer).toMatchObject({ status: "refused", fieldErrors: { latitude: "Forensic.outsideLibya" } });
    expect(await db().$count(graveSites, eq(graveSites.code, String(site.payload.code)))).toBe(0);
    expect(await db().$count(fieldSyncItems, and(eq(fieldSyncItems.itemId, site.itemId), eq(fieldSyncItems.status, "refused")))).toBe(1);
  });

  it("records a custody event captured offline against a body queued before it", async () => {
    const deviceId = await newDevice();
    const { site, body } = await siteAndBodyItems(deviceId);
    const custody = item(deviceId, "custody.record", {
      remainsId: localReference(body.itemId), sampleId: null, action: "transferred", fromParty: "Excavation team B", toParty: "Tripoli mortuary",
      place: "Site gate", occurredAt: "2026-03-01T10:30", notes: "", correctsEventId: null,
    });
    // Sent before the body it names: refused for now, not kept, so the device sends it again later.
    expect(await syncFieldItem(custody)).toMatchObject({ ok: false, message: "Field.referenceNotSynced" });
    await ok(syncFieldItem(site));
    const created = await ok(syncFieldItem(body));
    expect(await ok(syncFieldItem(custody))).toMatchObject({ status: "applied" });
    const remainsId = created.status === "applied" ? String(created.data.remainsId) : "";
    expect(await db().select({ toParty: custodyEvents.toParty }).from(custodyEvents).where(eq(custodyEvents.remainsId, remainsId))).toEqual([{ toParty: "Tripoli mortuary" }]);
  });

  it("refuses a viewer, and a device registered to someone else, and writes nothing", async () => {
    const deviceId = await newDevice();
    const { site } = await siteAndBodyItems(deviceId);
    signInAs(await createUser(db(), "viewer"));
    expect(await syncFieldItem(site)).toMatchObject({ ok: false, error: "forbidden" });
    signInAs(await createUser(db(), "forensic"));
    expect(await syncFieldItem(site)).toMatchObject({ ok: false, error: "refused", message: "Field.deviceUnknown" });
    expect(await db().$count(graveSites, eq(graveSites.code, String(site.payload.code)))).toBe(0);
    expect(await db().$count(fieldSyncItems, eq(fieldSyncItems.itemId, site.itemId))).toBe(0);
    const refusals = await db().select().from(auditLog).where(and(eq(auditLog.action, "authz.denied"), inArray(auditLog.entityId, ["field.sync"])));
    expect(refusals).toHaveLength(1);
  });
});
