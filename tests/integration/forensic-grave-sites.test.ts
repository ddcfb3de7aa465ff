import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { createGraveSite, updateGraveSite, voidGraveSite } from "@/app/[locale]/staff/sites/actions";
import { graveSites } from "@/db/schema";
import { listGraveSites } from "@/lib/forensic/site-queries";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains, createUser } from "./support/factories";
import { graveSiteInput } from "./support/forensic-inputs";
import { readAs } from "./support/read-access";
import { relaxSecondPersonControl } from "./support/approval-policy";


const backends = await testBackends();

describeOnEachBackend(backends, "grave site actions", (database) => {
  const db = () => database().db;
  const readSite = async (id: string) => (await db().select().from(graveSites).where(eq(graveSites.id, id)))[0];
  const createAs = async (role: "forensic" | "admin", overrides: Record<string, unknown> = {}) => {
    signInAs(await createUser(db(), role));
    const result = await createGraveSite(graveSiteInput(overrides));
    if (!result.ok) expect.fail(`refused: ${JSON.stringify(result)}`);
    return result.data.siteId;
  };

  beforeEach(async () => {
    actionRequest.db = db();
    await relaxSecondPersonControl(db());
    actionRequest.session = null;
  });

  it("creates a site with its audit entry", async () => {
    const siteId = await createAs("forensic");
    expect(await readSite(siteId)).toMatchObject({ nameEn: "Al-Rabt farm", status: "reported", version: 1 });
    expect(await auditEntriesFor(db(), "grave_site", siteId)).toMatchObject([{ action: "graveSite.create" }]);
  });

  it.each([
    ["code", { code: "GS-1" }, "Forensic.siteCodeFormat"],
    ["nameAr", { nameAr: " " }, "required"],
    ["nameEn", { nameEn: "" }, "required"],
    ["description", { description: "x".repeat(4001) }, "tooLong"],
    ["discoveredOn", { discoveredOn: "2999-01-01" }, "Forensic.dateInFuture"],
    ["discoveredOn", { discoveredOn: "yesterday" }, "Forensic.dateFormat"],
    ["status", { status: "dug" }, "invalidChoice"],
    ["latitude", { latitude: 48.85, longitude: 2.35 }, "Forensic.outsideLibya"],
    ["longitude", { longitude: "east" }, "Forensic.coordinateRequired"],
    ["confirmFarFromTarhuna", { latitude: 32.09, longitude: 20.08 }, "Forensic.farFromTarhunaUnconfirmed"],
  ])("refuses an invalid %s with its field error, saving nothing", async (field, overrides, message) => {
    signInAs(await createUser(db(), "forensic"));
    const before = await db().$count(graveSites);
    const result = await createGraveSite(graveSiteInput(overrides));
    expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { [field]: message } });
    expect(await db().$count(graveSites)).toBe(before);
  });

  it("accepts a far site (Benghazi) once the distance is confirmed", async () => {
    const siteId = await createAs("forensic", { latitude: 32.09, longitude: 20.08, confirmFarFromTarhuna: true });
    expect(await readSite(siteId)).toMatchObject({ latitude: 32.09 });
  });

  it("refuses a code already in use as a field error", async () => {
    const siteId = await createAs("forensic");
    const existing = await readSite(siteId);
    const again = await createGraveSite(graveSiteInput({ code: existing?.code }));
    expect(again).toMatchObject({ ok: false, fieldErrors: { code: "Forensic.siteCodeTaken" } });
  });

  it("moves the status forward and refuses a forensic user moving it back", async () => {
    const siteId = await createAs("forensic", { status: "excavating" });
    const base = { ...graveSiteInput(), code: (await readSite(siteId))?.code, siteId, statusChangeReason: "" };
    expect(await updateGraveSite({ ...base, status: "exhumed", version: 1 })).toMatchObject({ ok: true });
    const back = await updateGraveSite({ ...base, status: "surveyed", version: 2 });
    expect(back).toMatchObject({ ok: false, fieldErrors: { status: "Forensic.statusBackward" } });
    expect(await readSite(siteId)).toMatchObject({ status: "exhumed", version: 2 });
  });

  it("lets an administrator move the status back only with a reason, kept in the audit entry", async () => {
    const siteId = await createAs("admin", { status: "exhumed" });
    const base = { ...graveSiteInput(), code: (await readSite(siteId))?.code, siteId, status: "surveyed", version: 1 };
    expect(await updateGraveSite({ ...base, statusChangeReason: "" })).toMatchObject({
      fieldErrors: { statusChangeReason: "Forensic.statusReasonRequired" },
    });
    expect(await updateGraveSite({ ...base, statusChangeReason: "Entered the wrong site" })).toMatchObject({ ok: true });
    const entries = await auditEntriesFor(db(), "grave_site", siteId);
    expect(entries.at(-1)?.after).toMatchObject({ status: "surveyed", statusChangeReason: "Entered the wrong site" });
  });

  it("refuses a save over a newer version, saying who saved it, when and what", async () => {
    const siteId = await createAs("forensic");
    const base = { ...graveSiteInput(), code: (await readSite(siteId))?.code, siteId, statusChangeReason: "" };
    expect(await updateGraveSite({ ...base, nameEn: "First save", version: 1 })).toMatchObject({ ok: true });
    const stale = await updateGraveSite({ ...base, nameEn: "Second save", version: 1 });
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { changedBy: actionRequest.session?.username, theirValues: { nameEn: "First save" } } });
    expect(await readSite(siteId)).toMatchObject({ nameEn: "First save", version: 2 });
  });

  it.each(["registrar", "viewer"] as const)("forbids a %s to create or edit a site, even with a valid request", async (role) => {
    const siteId = await createAs("forensic");
    signInAs(await createUser(db(), role));
    expect(await createGraveSite(graveSiteInput())).toMatchObject({ ok: false, error: "forbidden" });
    const update = await updateGraveSite({ ...graveSiteInput(), siteId, version: 1, statusChangeReason: "", nameEn: "Forged" });
    expect(update).toMatchObject({ ok: false, error: "forbidden" });
    expect(await readSite(siteId)).toMatchObject({ nameEn: "Al-Rabt farm" });
  });

  it("voids a site as an administrator: the row and its audit stay, the list no longer shows it", async () => {
    const siteId = await createAs("forensic");
    signInAs(await createUser(db(), "forensic"));
    expect(await voidGraveSite({ recordId: siteId, reason: "Duplicate entry" })).toMatchObject({ ok: false, error: "forbidden" });
    const admin = signInAs(await createUser(db(), "admin"));
    expect(await voidGraveSite({ recordId: siteId, reason: "Duplicate entry" })).toMatchObject({ ok: true });
    expect(await readSite(siteId)).toMatchObject({ voidReason: "Duplicate entry", voidedBy: admin.userId });
    expect((await listGraveSites(readAs("forensic", "forensic.read"), db())).map((site) => site.id)).not.toContain(siteId);
    expect((await auditEntriesFor(db(), "grave_site", siteId)).map((entry) => entry.action)).toEqual(["graveSite.create", "graveSite.void"]);
    expect(await voidGraveSite({ recordId: siteId, reason: "Again" })).toMatchObject({ ok: false, message: "Forensic.alreadyVoided" });
  });

  it("refuses to void a site that still has live remains", async () => {
    const body = await createRemains(db());
    signInAs(await createUser(db(), "admin"));
    expect(await voidGraveSite({ recordId: body.siteId, reason: "Entered in error" })).toMatchObject({
      ok: false,
      message: "Forensic.siteHasRemains",
    });
  });
});
