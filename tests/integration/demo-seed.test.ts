import { count, countDistinct, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { selectRows } from "@/db/client";
import { auditLog, dnaSamples, labStatus, policeReportPersons } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";
import { seedDemoData } from "@/lib/demo/seed";
import { getPublicGraveSites } from "@/lib/public/sites";
import { getPublicSummary } from "@/lib/public/summary";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { demoFingerprint } from "./support/demo-fingerprint";
import { createGraveSite } from "./support/factories";

const backends = await testBackends();

// The database is a copy of one the seed filled (support/seeded-templates.ts), which fails unless
// that seed reported "seeded"; the tests below seed it again (refused, then with reset).
describeOnEachBackend(backends, "the demo seed", (database) => {
  it("gives the headline figures 116 bodies, 6 identified, at least 331 families sampled and 3001 reports", async () => {
    const db = database().db;
    const summary = await getPublicSummary(db);
    const sites = await getPublicGraveSites(db);
    expect(summary).toMatchObject({ bodiesRecovered: 116, identified: 6, graveSites: sites.length });
    expect(summary.familiesSampled).toBeGreaterThanOrEqual(331);
    expect(summary.policeReports).toBeGreaterThanOrEqual(3001);
    expect(await isDemoDataLoaded(db)).toBe(true);
  });

  it("spreads the bodies and identifications over the public grave sites", async () => {
    const sites = await getPublicGraveSites(database().db);
    expect(sites.reduce((sum, site) => sum + site.bodiesRecovered, 0)).toBe(116);
    expect(sites.reduce((sum, site) => sum + site.identified, 0)).toBe(6);
    expect(sites.filter((site) => site.status === "reported").every((site) => site.bodiesRecovered === 0)).toBe(true);
  });

  it("includes a family with seven missing persons", async () => {
    const rows = await selectRows<{ n: number }>(
      database().db,
      sql`select count(*)::int as n from missing_persons group by family_id having count(*) = 7`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it("has drawings of twelve effects, remote viewing for one family, and the car key a family recognised that DNA then confirmed", async () => {
    const db = database().db;
    const [photos] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from effect_photos`);
    expect(photos?.n).toBe(12);
    const remote = await selectRows<{ reference: string }>(db, sql`select reference from families where remote_viewing`);
    expect(remote).toEqual([{ reference: "TRH-F-0004" }]);
    const confirmed = await selectRows<{ code: string; basis: string[] }>(
      db,
      sql`select remains.code, identifications.basis from belonging_recognitions
          join personal_effects on personal_effects.id = belonging_recognitions.effect_id
          join remains on remains.id = personal_effects.remains_id
          join identifications on identifications.remains_id = remains.id and identifications.missing_person_id = belonging_recognitions.missing_person_id
          where belonging_recognitions.followed_up_at is not null`,
    );
    expect(confirmed.map((row) => row.code)).toEqual(["TRH-GS-02-B011"]);
    expect(confirmed[0]?.basis).toContain("dna");
  });

  it("has DNA samples in every laboratory status", async () => {
    const rows = await database().db.select({ status: dnaSamples.labStatus }).from(dnaSamples).groupBy(dnaSamples.labStatus);
    expect(rows.map((row) => row.status).sort()).toEqual([...labStatus.enumValues].sort());
  });

  it("names some missing persons in more than one police report", async () => {
    const rows = await database()
      .db.select({ person: policeReportPersons.missingPersonId, reports: countDistinct(policeReportPersons.reportId) })
      .from(policeReportPersons)
      .groupBy(policeReportPersons.missingPersonId)
      .having(sql`count(distinct ${policeReportPersons.reportId}) > 1`);
    expect(rows.length).toBeGreaterThan(0);
  });

  it("refuses a second seed without reset and changes nothing", async () => {
    const db = database().db;
    const before = { summary: await getPublicSummary(db), fingerprint: await demoFingerprint(db) };
    const [auditBefore] = await db.select({ n: count() }).from(auditLog);
    const result = await seedDemoData(db, { reset: false });
    expect(result.status).toBe("refused");
    if (result.status === "refused") expect(result.reason).toMatch(/116 remains.*--reset/);
    expect(await getPublicSummary(db)).toEqual(before.summary);
    expect(await demoFingerprint(db)).toBe(before.fingerprint);
    expect(await db.select({ n: count() }).from(auditLog)).toEqual([auditBefore]);
  });

  it("replaces the demo data with identical data when reset, audit log included", async () => {
    const db = database().db;
    const before = await demoFingerprint(db);
    const result = await seedDemoData(db, { reset: true });
    expect(result).toMatchObject({ status: "seeded", replacedDemoData: true });
    expect(await demoFingerprint(db)).toBe(before);
    // The reset started the log afresh: one entry per record created, then the seed's own entry.
    const entries = await db.select({ action: auditLog.action }).from(auditLog).orderBy(auditLog.id);
    expect(entries.at(-1)).toEqual({ action: "demo.seed" });
    expect(new Set(entries.slice(0, -1).map((entry) => entry.action))).toEqual(new Set(["demo.create"]));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
}, { data: "demo" });

describeOnEachBackend(backends, "the demo seed on a database with real records", (database) => {
  it("refuses to seed, with or without reset, and leaves the records alone", async () => {
    const db = database().db;
    const site = await createGraveSite(db);
    const withoutReset = await seedDemoData(db, { reset: false });
    expect(withoutReset).toMatchObject({ status: "refused", reason: expect.stringMatching(/1 grave site\b.*--reset/) });
    const withReset = await seedDemoData(db, { reset: true });
    expect(withReset).toMatchObject({ status: "refused", reason: expect.stringMatching(/not demonstration data/) });
    const summary = await getPublicSummary(db);
    // The real site is not public until staff publish it; the demo's public sites did not appear.
    expect(summary).toMatchObject({ graveSites: 0, bodiesRecovered: 0, policeReports: 0 });
    expect(await isDemoDataLoaded(db)).toBe(false);
    const [stillThere] = await selectRows<{ id: string }>(db, sql`select id from grave_sites where id = ${site.id}`);
    expect(stillThere?.id).toBe(site.id);
  });
});
