import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { createGraveSite } from "@/app/[locale]/staff/sites/actions";
import { createRemains, updateRemains, voidRemains } from "@/app/[locale]/staff/remains/actions";
import { graveSites, personalEffects, remains } from "@/db/schema";
import { getRemainsPage } from "@/lib/forensic/remains-list";
import { suggestNextRemainsCode } from "@/lib/forensic/site-queries";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser } from "./support/factories";
import { graveSiteInput, remainsInput } from "./support/forensic-inputs";
import { readAs } from "./support/read-access";
import { relaxSecondPersonControl } from "./support/approval-policy";


const backends = await testBackends();

describeOnEachBackend(backends, "remains actions", (database) => {
  const db = () => database().db;
  const effectsOf = (remainsId: string) => db().select().from(personalEffects).where(eq(personalEffects.remainsId, remainsId));

  async function newSite() {
    signInAs(await createUser(db(), "forensic"));
    const result = await createGraveSite(graveSiteInput());
    if (!result.ok) expect.fail(`site refused: ${JSON.stringify(result)}`);
    const [site] = await db().select().from(graveSites).where(eq(graveSites.id, result.data.siteId));
    if (!site) throw new Error("the site was not saved");
    return site;
  }

  async function newRemains(overrides: Record<string, unknown> = {}) {
    const site = await newSite();
    const result = await createRemains(remainsInput(site, overrides));
    if (!result.ok) expect.fail(`remains refused: ${JSON.stringify(result)}`);
    return { site, remainsId: result.data.remainsId };
  }

  function editInput(site: { id: string; code: string }, remainsId: string, overrides: Record<string, unknown> = {}) {
    const { code, recoveredOn, estimatedSex, ageMin, ageMax, condition, storageLocation, notes } = remainsInput(site);
    return { code, recoveredOn, estimatedSex, ageMin, ageMax, condition, storageLocation, notes, effects: [], remainsId, version: 1, ...overrides };
  }

  beforeEach(async () => {
    actionRequest.db = db();
    await relaxSecondPersonControl(db());
    actionRequest.session = null;
  });

  it("records a body with a car key and an identity card, in one audited change", async () => {
    const { remainsId } = await newRemains();
    const effects = await effectsOf(remainsId);
    expect(effects.map((effect) => effect.kind).sort()).toEqual(["car_key", "identity_document"]);
    const [entry] = await auditEntriesFor(db(), "remains", remainsId);
    expect(entry).toMatchObject({ action: "remains.create", after: { ageMin: 25, effects: [{}, {}] } });
  });

  it("suggests the next free code of the site", async () => {
    const { site } = await newRemains();
    expect(await suggestNextRemainsCode(readAs("forensic", "forensic.write"), db(), site)).toBe(`${site.code}-B002`);
  });

  it.each([
    ["code", { code: "B17" }, "Forensic.remainsCodeFormat"],
    ["recoveredOn", { recoveredOn: "2999-12-31" }, "Forensic.dateInFuture"],
    ["estimatedSex", { estimatedSex: "other" }, "invalidChoice"],
    ["ageMin", { ageMin: -1 }, "Forensic.ageRange"],
    ["ageMax", { ageMax: 111 }, "Forensic.ageRange"],
    ["ageMax", { ageMin: 40, ageMax: 30 }, "Forensic.ageOrder"],
    ["condition", { condition: "burnt" }, "invalidChoice"],
    ["storageLocation", { storageLocation: "x".repeat(301) }, "tooLong"],
    ["notes", { notes: "x".repeat(4001) }, "tooLong"],
    ["effects.0.kind", { effects: [{ effectId: null, kind: "wallet", description: "Brown wallet" }] }, "invalidChoice"],
    ["effects.0.description", { effects: [{ effectId: null, kind: "phone", description: "" }] }, "required"],
  ])("refuses an invalid %s with its field error", async (field, overrides, message) => {
    const site = await newSite();
    const result = await createRemains(remainsInput(site, overrides));
    expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { [field]: message } });
    expect(await db().$count(remains, eq(remains.siteId, site.id))).toBe(0);
  });

  it.each([
    ["a code of another site", { code: "TRH-GS-99-B001" }, "code", "Forensic.remainsCodeSite"],
    ["a recovery before the site's discovery", { recoveredOn: "2019-01-01" }, "recoveredOn", "Forensic.recoveredBeforeDiscovery"],
  ])("refuses %s", async (_case, overrides, field, message) => {
    const site = await newSite();
    expect(await createRemains(remainsInput(site, overrides))).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
  });

  it("refuses a duplicate code as a field error", async () => {
    const { site } = await newRemains();
    const again = await createRemains(remainsInput(site));
    expect(again).toMatchObject({ ok: false, error: "invalid", fieldErrors: { code: "Forensic.remainsCodeTaken" } });
  });

  it("edits a body, adds an effect and keeps the ones left out", async () => {
    const { site, remainsId } = await newRemains();
    const phone = { effectId: null, kind: "phone", description: "Nokia phone" };
    const result = await updateRemains(editInput(site, remainsId, { condition: "complete", effects: [phone] }));
    expect(result).toMatchObject({ ok: true });
    expect(await effectsOf(remainsId)).toHaveLength(3);
    const [saved] = await db().select().from(remains).where(eq(remains.id, remainsId));
    expect(saved).toMatchObject({ condition: "complete", version: 2 });
  });

  it("keeps an effect's catalogue category, colour and material, and files one sent without them under its kind", async () => {
    const shoes = { effectId: null, kind: "clothing", description: "حذاء جلدي أسود", category: "shoes", colour: "black", material: "leather" };
    const { site, remainsId } = await newRemains({ effects: [shoes, { effectId: null, kind: "car_key", description: "مفتاح سيارة" }] });
    const looks = async () =>
      (await db().select().from(personalEffects).where(eq(personalEffects.remainsId, remainsId))).map(({ description, category, colour, material }) => ({ description, category, colour, material }));
    expect(await looks()).toEqual(
      expect.arrayContaining([
        { description: "حذاء جلدي أسود", category: "shoes", colour: "black", material: "leather" },
        { description: "مفتاح سيارة", category: "keys", colour: null, material: null },
      ]),
    );
    const [kept] = await db().select().from(personalEffects).where(eq(personalEffects.description, "حذاء جلدي أسود"));
    // An edit that leaves the words out keeps them.
    const edit = await updateRemains(editInput(site, remainsId, { effects: [{ effectId: kept?.id, kind: "clothing", description: "حذاء جلدي أسود" }] }));
    expect(edit).toMatchObject({ ok: true });
    expect(await looks()).toContainEqual({ description: "حذاء جلدي أسود", category: "shoes", colour: "black", material: "leather" });
  });

  it("refuses a save over a newer version with who, when and their values", async () => {
    const { site, remainsId } = await newRemains();
    expect(await updateRemains(editInput(site, remainsId, { notes: "first" }))).toMatchObject({ ok: true });
    const stale = await updateRemains(editInput(site, remainsId, { notes: "second" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { theirValues: { notes: "first" } } });
    if (stale.ok || !stale.conflict) return;
    expect(stale.conflict.changedBy).toBe(actionRequest.session?.username);
    expect(Date.parse(stale.conflict.changedAt)).not.toBeNaN();
  });

  it.each(["registrar", "viewer"] as const)("forbids a %s to record or edit a body, even with a valid request", async (role) => {
    const { site, remainsId } = await newRemains();
    signInAs(await createUser(db(), role));
    expect(await createRemains(remainsInput(site, { code: `${site.code}-B050` }))).toMatchObject({ error: "forbidden" });
    expect(await updateRemains(editInput(site, remainsId, { notes: "forged" }))).toMatchObject({ error: "forbidden" });
    expect(await db().$count(remains, eq(remains.siteId, site.id))).toBe(1);
  });

  it("voids a body: kept with its reason and audit, gone from the list and its count", async () => {
    const { site, remainsId } = await newRemains();
    expect((await getRemainsPage(readAs("forensic", "forensic.read"), db(), { siteId: site.id, sort: "code" })).matches).toBe(1);
    signInAs(await createUser(db(), "admin"));
    expect(await voidRemains({ recordId: remainsId, reason: "Entered twice" })).toMatchObject({ ok: true });
    const [kept] = await db().select().from(remains).where(eq(remains.id, remainsId));
    expect(kept).toMatchObject({ voidReason: "Entered twice" });
    expect((await getRemainsPage(readAs("forensic", "forensic.read"), db(), { siteId: site.id, sort: "code" })).matches).toBe(0);
    expect((await auditEntriesFor(db(), "remains", remainsId)).map((entry) => entry.action)).toEqual(["remains.create", "remains.void"]);
  });
});
