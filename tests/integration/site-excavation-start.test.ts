import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { createGraveSite } from "@/app/[locale]/staff/sites/actions";
import { createRemains } from "@/app/[locale]/staff/remains/actions";
import { graveSites } from "@/db/schema";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser } from "./support/factories";
import { graveSiteInput, remainsInput } from "./support/forensic-inputs";
import { relaxSecondPersonControl } from "./support/approval-policy";

const backends = await testBackends();

/** Issue 24 item 8: a site does not stay "surveyed" once a body has been recorded from it. */
describeOnEachBackend(backends, "a body recorded from a site", (database) => {
  const db = () => database().db;

  async function siteWithStatus(status: string) {
    signInAs(await createUser(db(), "forensic"));
    const result = await createGraveSite(graveSiteInput({ status }));
    if (!result.ok) expect.fail(`site refused: ${JSON.stringify(result)}`);
    const [site] = await db().select().from(graveSites).where(eq(graveSites.id, result.data.siteId));
    if (!site) throw new Error("the site was not saved");
    return site;
  }

  const statusOf = async (siteId: string) => (await db().select().from(graveSites).where(eq(graveSites.id, siteId)))[0];

  beforeEach(async () => {
    actionRequest.db = db();
    await relaxSecondPersonControl(db());
    actionRequest.session = null;
  });

  it.each(["reported", "surveyed"])("moves a %s site to excavating, audited as the site's own change", async (status) => {
    const site = await siteWithStatus(status);
    const created = await createRemains(remainsInput(site));
    expect(created.ok).toBe(true);
    expect(await statusOf(site.id)).toMatchObject({ status: "excavating", version: site.version + 1 });
    const entries = await auditEntriesFor(db(), "grave_site", site.id);
    expect(entries.map((entry) => entry.action)).toEqual(["graveSite.create", "graveSite.excavationStarted"]);
    expect(entries[1]).toMatchObject({ before: { status }, after: { status: "excavating" } });
    // A second body changes nothing more.
    expect((await createRemains(remainsInput(site, { code: `${site.code}-B002` }))).ok).toBe(true);
    expect(await statusOf(site.id)).toMatchObject({ status: "excavating", version: site.version + 1 });
  });

  it.each(["excavating", "exhumed", "closed"])("leaves a %s site as it is", async (status) => {
    const site = await siteWithStatus(status);
    expect((await createRemains(remainsInput(site))).ok).toBe(true);
    expect(await statusOf(site.id)).toMatchObject({ status, version: site.version });
  });

  it("moves nothing when the body is refused", async () => {
    const site = await siteWithStatus("surveyed");
    const refused = await createRemains(remainsInput(site, { code: "B17" }));
    expect(refused.ok).toBe(false);
    expect(await statusOf(site.id)).toMatchObject({ status: "surveyed", version: site.version });
  });
});
