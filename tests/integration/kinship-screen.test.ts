import { eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { identifications, missingPersons, remains, strProfiles } from "@/db/schema";
import { loadActiveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { leadOffer, runKinshipScreen, screenSettingsSchema, type ScreenRow } from "@/lib/dna-profiles/screening";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "kinship screening of the demo data", (database) => {
  let rows: ScreenRow[] = [];
  let prior = { unreferenced: 0, notInDatabaseWeight: 0, candidates: 0, missingPersonCount: 0, setAside: 0, errorFactor: 1 };

  beforeAll(async () => {
    const outcome = await runKinshipScreen(readAs("forensic", "dnaProfiles.use"), database().db, screenSettingsSchema.parse({}));
    if (outcome.status !== "done") throw new Error("the demo has no frequency table");
    rows = outcome.rows;
    prior = outcome;
  });

  it("screens with the synthetic demo table, labelled as such", async () => {
    const active = await loadActiveFrequencyTable(database().db);
    expect(active?.info).toMatchObject({ synthetic: true, loci: 20, name: expect.stringMatching(/synthetic/i) });
    expect((await database().db.select().from(strProfiles)).length).toBeGreaterThan(1000);
  });

  it("finds every seeded DNA identification as the top lead of its body", async () => {
    const db = database().db;
    const planned = await db
      .select({ code: remains.code, caseNumber: missingPersons.caseNumber, basis: identifications.basis, status: identifications.status })
      .from(identifications)
      .innerJoin(remains, eq(remains.id, identifications.remainsId))
      .innerJoin(missingPersons, eq(missingPersons.id, identifications.missingPersonId));
    const byDna = planned.filter((row) => row.basis.includes("dna") && row.status !== "rejected");
    expect(byDna.length).toBeGreaterThanOrEqual(4);
    for (const identification of byDna) {
      const row = rows.find((candidate) => candidate.remainsCode === identification.code);
      expect(row, identification.code).toMatchObject({ isLead: true, inconsistentLoci: [] });
      expect(row?.best.map((person) => person.caseNumber)).toContain(identification.caseNumber);
      expect(row?.log10Lr).toBeGreaterThanOrEqual(4);
      expect(row?.posterior).toBeGreaterThan(0.5);
    }
  });

  it("makes a lead only of an undisputed pair: LR ≥ T and ≥ T × the runner-up in its row and in its column (#22)", () => {
    const leads = rows.filter((row) => row.isLead);
    for (const lead of leads) {
      expect(lead.log10Lr ?? -Infinity).toBeGreaterThanOrEqual(4);
      expect((lead.log10Lr ?? 0) - (lead.runnerUpLog10Lr ?? -Infinity)).toBeGreaterThanOrEqual(4);
      expect((lead.log10Lr ?? 0) - (lead.columnRunnerUp?.log10Lr ?? -Infinity)).toBeGreaterThanOrEqual(4);
    }
  });

  it("states the prior's weight for 'not in the database' and gives each body probabilities that add up to at most 1 (#22)", () => {
    expect(prior.unreferenced).toBe(prior.missingPersonCount - prior.candidates);
    expect(prior.notInDatabaseWeight).toBe(Math.max(prior.unreferenced, 1));
    // The demonstration's joint sums are exact: nothing set aside.
    expect(prior).toMatchObject({ setAside: 0, errorFactor: 1 });
    for (const row of rows) expect((row.posterior ?? 0) + row.notInDatabase).toBeLessThanOrEqual(1 + 1e-9);
    // A body with no candidate left is "not in the database" with certainty; most unrelated pairs are excluded, not small LRs.
    expect(rows.filter((row) => row.best.length === 0).every((row) => row.notInDatabase === 1)).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.excludedCount, 0)).toBeGreaterThan((rows.length * prior.candidates) / 2);
  });

  it("raises no lead for the body whose identification DNA ruled out", async () => {
    const db = database().db;
    const [rejected] = await db
      .select({ code: remains.code, caseNumber: missingPersons.caseNumber })
      .from(identifications)
      .innerJoin(remains, eq(remains.id, identifications.remainsId))
      .innerJoin(missingPersons, eq(missingPersons.id, identifications.missingPersonId))
      .where(eq(identifications.status, "rejected"));
    const row = rows.find((candidate) => candidate.remainsCode === rejected?.code);
    expect(row?.isLead ?? false).toBe(false);
  });

  it("states for every lead the relatives its exact likelihood ratio used, none left out (#21)", () => {
    const leads = rows.filter((row) => row.isLead);
    expect(leads.length).toBeGreaterThan(0);
    for (const lead of leads) {
      expect(lead.relativesUsed.length, lead.remainsCode).toBeGreaterThan(0);
      expect(lead).toMatchObject({ familyUnplaceable: false, familyInconsistentLoci: [] });
    }
  });

  it("lists leads first and flags none among bodies of unrelated people", () => {
    const leads = rows.filter((row) => row.isLead);
    expect(rows.slice(0, leads.length).every((row) => row.isLead)).toBe(true);
    expect(leads.length).toBeLessThan(rows.length / 2);
  });

  it("marks a body or person already in a proposed or confirmed identification, with a link instead of a proposal", async () => {
    const db = database().db;
    const active = await db
      .select({ id: identifications.id, code: remains.code, personId: identifications.missingPersonId, status: identifications.status })
      .from(identifications)
      .innerJoin(remains, eq(remains.id, identifications.remainsId))
      .where(inArray(identifications.status, ["proposed", "confirmed", "family_notified", "remains_returned"]));
    const screened = active.filter((identification) => rows.some((row) => row.remainsCode === identification.code));
    expect(screened.length).toBeGreaterThanOrEqual(4);
    for (const identification of screened) {
      const row = rows.find((candidate) => candidate.remainsCode === identification.code);
      if (!row) throw new Error(`${identification.code} was not screened`);
      expect(row.remainsIdentification, identification.code).toEqual({ id: identification.id, status: identification.status });
      const person = row.best.find((candidate) => candidate.id === identification.personId);
      if (person) expect(person.identification).toEqual({ id: identification.id, status: identification.status });
      // No body already in an identification offers a second proposal, whoever it points to.
      expect(row.best.map((candidate) => leadOffer(row, candidate)?.kind)).toEqual(row.best.map(() => "held"));
    }
    const free = rows.filter((row) => !active.some((identification) => identification.code === row.remainsCode));
    expect(free.every((row) => row.remainsIdentification === null)).toBe(true);
  });
}, { data: "demo" });
