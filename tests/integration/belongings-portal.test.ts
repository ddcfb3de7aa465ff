import "./support/mock-action-request";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { POST as recogniseRoute } from "@/app/[locale]/family/belongings/recognise/route";
import { auditLog, belongingRecognitions, families, personalEffects } from "@/db/schema";
import { localMediaStore, type MediaStore } from "@/lib/belongings/media-store";
import { readPortalPhotoFile } from "@/lib/belongings/photo-reads";
import { storeEffectPhoto } from "@/lib/belongings/photo-records";
import { portalCatalogue } from "@/lib/belongings/portal-catalogue";
import { recordPortalViewing } from "@/lib/belongings/portal-viewing-audit";
import { familySessionToken, openFamilySession } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE } from "@/lib/family-portal/session-token";
import { actionRequest, TEST_REQUEST_METADATA } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createRemains, createUser } from "./support/factories";

const backends = await testBackends();
let mediaRoot: string;
let store: MediaStore;

beforeAll(async () => {
  mediaRoot = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-portal-media-"));
  store = localMediaStore(mediaRoot);
});

afterAll(async () => {
  await fs.rm(mediaRoot, { recursive: true, force: true });
});

describeOnEachBackend(backends, "the Book of Belongings in the family portal", (database) => {
  beforeEach(() => {
    actionRequest.db = database().db;
  });

  async function familyWithItem() {
    const db = database().db;
    const person = await createMissingPerson(db);
    const body = await createRemains(db);
    const [effect] = await db.insert(personalEffects).values({ remainsId: body.id, kind: "clothing", description: "حذاء جلدي بني", category: "shoes", colour: "brown", material: "leather" }).returning();
    if (!effect || !person.familyId) throw new Error("no effect or family");
    const uploader = await createUser(db, "forensic");
    const picture = await sharp({ create: { width: 30, height: 20, channels: 3, background: "#7a5230" } }).png().toBuffer();
    const { photoId } = await storeEffectPhoto(db, store, { actorId: uploader.id, actorLabel: uploader.username }, effect.id, picture);
    return { person, familyId: person.familyId, effect, photoId };
  }

  it("shows a family nothing until staff switch remote viewing on, then the catalogue and its photographs", async () => {
    const { familyId, effect, photoId } = await familyWithItem();
    expect(await portalCatalogue(database().db, familyId, {})).toBeNull();
    expect(await readPortalPhotoFile(database().db, store, familyId, photoId, "web")).toBeNull();
    await database().db.update(families).set({ remoteViewing: true }).where(eq(families.id, familyId));
    const catalogue = await portalCatalogue(database().db, familyId, { category: "shoes" });
    expect(catalogue?.items).toContainEqual({ effectId: effect.id, category: "shoes", colour: "brown", material: "leather", description: "حذاء جلدي بني", photoIds: [photoId] });
    expect((await readPortalPhotoFile(database().db, store, familyId, photoId, "web"))?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // The full-size original stays for the dossier, never for the portal.
    expect(await readPortalPhotoFile(database().db, store, familyId, photoId, "original")).toBeNull();
  });

  it("sends 'I think I recognise this' to the office as a lead from the portal, audited, only while remote viewing is on", async () => {
    const { person, familyId, effect } = await familyWithItem();
    const codeIssuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const [family] = await database().db.update(families).set({ accessCodeHash: "not-a-hash", accessCodeIssuedAt: codeIssuedAt }).where(eq(families.id, familyId)).returning();
    const sessionId = await openFamilySession(database().db, { familyId, reference: family?.reference ?? "", metadata: TEST_REQUEST_METADATA });
    const token = familySessionToken({ familyId, sessionId, codeIssuedAt });
    const send = () => {
      const form = new FormData();
      form.set("effectId", effect.id);
      form.set("missingPersonId", person.id);
      form.set("recognisedBy", "الزوجة");
      form.set("words", "حذاؤه الذي اشتريناه في العيد");
      return recogniseRoute(new NextRequest("http://localhost/ar/family/belongings/recognise", { method: "POST", body: form, headers: { cookie: `${FAMILY_SESSION_COOKIE}=${token}` } }), {
        params: Promise.resolve({ locale: "ar" }),
      });
    };
    await send();
    expect(await database().db.select().from(belongingRecognitions).where(eq(belongingRecognitions.effectId, effect.id))).toEqual([]);
    await database().db.update(families).set({ remoteViewing: true }).where(eq(families.id, familyId));
    const answer = await send();
    expect(answer.headers.get("location")).toBe("/ar/family/belongings?seen=1&sent=1");
    const [lead] = await database().db.select().from(belongingRecognitions).where(eq(belongingRecognitions.effectId, effect.id));
    expect(lead).toMatchObject({ source: "portal", missingPersonId: person.id, recognisedBy: "الزوجة", words: "حذاؤه الذي اشتريناه في العيد", followedUpAt: null });
    const [entry] = await database().db.select().from(auditLog).where(eq(auditLog.entityId, lead?.id ?? ""));
    expect(entry).toMatchObject({ action: "belongings.recognise", actorLabel: `family ${family?.reference}` });
  });

  it("audits each remote viewing as the family, naming the filters and how many items were shown", async () => {
    const { familyId } = await familyWithItem();
    await database().db.update(families).set({ remoteViewing: true }).where(eq(families.id, familyId));
    const catalogue = await portalCatalogue(database().db, familyId, { category: "shoes" });
    await recordPortalViewing(database().db, { familyId, reference: "TRH-F-7777" }, { filters: { category: "shoes" }, items: catalogue?.items.length ?? 0 }, TEST_REQUEST_METADATA);
    const entries = await database().db.select().from(auditLog).where(eq(auditLog.entityId, familyId));
    const viewing = entries.find((entry) => entry.action === "familyBelongings.portalViewing");
    expect(viewing).toMatchObject({ entity: "family", actorId: null, actorLabel: "family TRH-F-7777", after: { filters: { category: "shoes" }, items: catalogue?.items.length } });
    expect(catalogue?.items.length).toBeGreaterThan(0);
  });
});
