import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { createGraveSite, updateGraveSite } from "@/app/[locale]/staff/sites/actions";
import { GET as getSitesCsv } from "@/app/api/public/sites.csv/route";
import { GET as getSitesGeoJson } from "@/app/api/public/sites.geojson/route";
import { GET as getSummary } from "@/app/api/public/summary/route";
import type { Database, Transaction } from "@/db/client";
import { graveSites, identifications, remains } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createUser, proposeIdentification, uniqueSuffix } from "./support/factories";
import { graveSiteInput } from "./support/forensic-inputs";

const backends = await testBackends();

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: { code: string; bodiesRecovered: number; identified: number };
}

const publicRequest = (path: string) => new Request(`http://localhost${path}`);

async function publicSites(): Promise<Feature[]> {
  const response = await getSitesGeoJson(publicRequest("/api/public/sites.geojson"));
  return ((await response.json()) as { features: Feature[] }).features;
}

async function publicCsv(): Promise<string> {
  return (await getSitesCsv(publicRequest("/api/public/sites.csv"))).text();
}

async function publicSummary(): Promise<{ identified: number; bodiesRecovered: number; graveSites: number; updatedAt: string }> {
  return (await getSummary(publicRequest("/api/public/summary"))).json();
}

/** Any change to the registry, as every change is made: the rows and their audit entry in one transaction. */
async function audited(db: Database, action: string, change: (tx: Transaction) => Promise<unknown> = async () => undefined) {
  await runTransaction(db, async (tx) => {
    await change(tx);
    await appendAuditEntry(tx, { actorId: null, actorLabel: "test", action, entity: "test", entityId: uniqueSuffix() });
  });
}

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describeOnEachBackend(backends, "what the public sees of grave sites and identifications", (database) => {
  const db = () => database().db;
  const saveSite = async (values: Record<string, unknown>) => {
    signInAs(await createUser(db(), "forensic"));
    const result = await createGraveSite(graveSiteInput(values));
    if (!result.ok) expect.fail(`refused: ${JSON.stringify(result)}`);
    return result.data.siteId;
  };
  const readSite = async (siteId: string) => {
    const [site] = await db().select().from(graveSites).where(eq(graveSites.id, siteId));
    if (!site) throw new Error("the site vanished");
    return site;
  };
  const recordBody = (siteId: string, code = `TST-B-${uniqueSuffix()}`) =>
    audited(db(), "remains.create", (tx) => tx.insert(remains).values({ siteId, code, recoveredOn: "2021-02-01", condition: "partial" }));
  const publish = async (siteId: string, exactLocationPublic: boolean) => {
    const site = await readSite(siteId);
    const { id, version, code, nameAr, nameEn, description, discoveredOn, status, latitude, longitude } = site;
    const result = await updateGraveSite({
      siteId: id, version, code, nameAr, nameEn, description, discoveredOn, status, latitude, longitude,
      confirmFarFromTarhuna: false, isPublic: true, exactLocationPublic, statusChangeReason: "",
    });
    if (!result.ok) expect.fail(`refused: ${JSON.stringify(result)}`);
  };

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  it("publishes a site on the map, GeoJSON and CSV only once staff mark it public, rounded to 0.01° unless exact", async () => {
    const siteId = await saveSite({ latitude: 32.44321, longitude: 13.63789 });
    const { code } = await readSite(siteId);
    const summaryBefore = await publicSummary();
    expect((await publicSites()).map((feature) => feature.properties.code)).not.toContain(code);
    expect(await publicCsv()).not.toContain(code);

    await publish(siteId, false);
    const published = (await publicSites()).find((feature) => feature.properties.code === code);
    expect(published?.geometry.coordinates).toEqual([13.64, 32.44]);
    expect(await publicCsv()).toContain(`${code},`);
    expect(await publicCsv()).not.toContain("32.44321");
    expect((await publicSummary()).graveSites).toBe(summaryBefore.graveSites + 1);
    const [, update] = await auditEntriesFor(db(), "grave_site", siteId);
    expect(update).toMatchObject({ action: "graveSite.update", before: { isPublic: false }, after: { isPublic: true, exactLocationPublic: false } });

    await publish(siteId, true);
    const exact = (await publicSites()).find((feature) => feature.properties.code === code);
    expect(exact?.geometry.coordinates).toEqual([13.63789, 32.44321]);
  });

  it("counts an identification publicly only once the family has been told in person", async () => {
    const siteId = await saveSite({});
    await publish(siteId, false);
    const { code } = await readSite(siteId);
    await recordBody(siteId, `${code}-B001`);
    const [body] = await db().select().from(remains).where(eq(remains.code, `${code}-B001`));
    if (!body) throw new Error("the body was not recorded");
    const person = await createMissingPerson(db());
    const [proposer, confirmer] = [await createUser(db(), "forensic"), await createUser(db(), "forensic")];
    const identification = await proposeIdentification(db(), { remainsId: body.id, missingPersonId: person.id, proposedBy: proposer.id });
    const before = await publicSummary();
    const setStatus = (values: Partial<typeof identifications.$inferInsert>) =>
      audited(db(), "identification.update", (tx) => tx.update(identifications).set(values).where(eq(identifications.id, identification.id)));
    const siteIdentified = async () => (await publicSites()).find((feature) => feature.properties.code === code)?.properties.identified;

    await setStatus({ status: "confirmed", confirmedBy: confirmer.id, confirmedAt: new Date() });
    expect((await publicSummary()).identified).toBe(before.identified);
    expect(await siteIdentified()).toBe(0);

    await setStatus({ status: "family_notified", notifiedOn: "2024-01-02", notifiedBy: confirmer.id, notificationMethod: "in_person" });
    expect((await publicSummary()).identified).toBe(before.identified + 1);
    expect(await siteIdentified()).toBe(1);
  });

  it("moves updatedAt only when a published figure changes, not on sign-ins, refusals, reads or unpublished work", async () => {
    const siteId = await saveSite({});
    await recordBody(siteId);
    const first = await publicSummary();
    for (const action of ["auth.signIn", "auth.signInFailed", "authz.denied", "export.persons", "person.read"]) {
      await pause(5);
      await audited(db(), action);
      expect((await publicSummary()).updatedAt).toBe(first.updatedAt);
    }
    await pause(5);
    await saveSite({});
    expect((await publicSummary()).updatedAt).toBe(first.updatedAt);

    await pause(5);
    await recordBody(siteId);
    const changed = await publicSummary();
    expect(changed.bodiesRecovered).toBe(first.bodiesRecovered + 1);
    expect(changed.updatedAt > first.updatedAt).toBe(true);
  });
});
