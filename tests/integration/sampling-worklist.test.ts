import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { donorRelationships, families, familySamplingResults, referenceDonors, samplingRefreshRuns } from "@/db/schema";
import { ReadRefused } from "@/lib/auth/read-access";
import { readFamilySamplingAdvice } from "@/lib/dna-profiles/family-sampling-advice";
import { computeMissingPersonSampling } from "@/lib/dna-profiles/missing-person-sampling";
import { loadSamplingInputs } from "@/lib/dna-profiles/sampling-inputs";
import { ActionRefusal } from "@/lib/actions/result";
import { runTransaction } from "@/lib/audit/run-transaction";
import { startSamplingProcess } from "@/lib/sampling-worklist/compute-in-child";
import { refreshSamplingWorklist, staleFamilies } from "@/lib/sampling-worklist/refresh";
import { recordRefreshStart } from "@/lib/sampling-worklist/start-refresh";
import { readSamplingWorklist } from "@/lib/sampling-worklist/worklist-query";
import { missingPersonWithTypedMother } from "./support/typed-mother";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { readAs } from "./support/read-access";

const backends = await testBackends();
const forensic = () => readAs("forensic", "dnaProfiles.use");

/**
 * Issue #22, point 6: the office's work list of the samples that would most raise the chance of an
 * identification, computed by a background refresh and stored. Two families are refreshed (a whole
 * demo refresh takes minutes): one with a typed mother and a brother who has given no sample, and
 * one without anyone to invite.
 */
describeOnEachBackend(backends, "the sampling work list", (database) => {
  let familyId = "";
  let otherFamilyId = "";
  let missingPersonId = "";
  let brotherId = "";
  const scope = () => ({ familyIds: [familyId, otherFamilyId] });

  async function addRelative(givenName: string, sex: "male" | "female", relationship: "full_sibling" | "father") {
    const [donor] = await database().db.insert(referenceDonors).values({ familyId, givenName, nameSearch: givenName, sex }).returning();
    if (!donor) throw new Error("no donor");
    await database().db.insert(donorRelationships).values({ donorId: donor.id, missingPersonId, relationship });
    return donor.id;
  }

  beforeAll(async () => {
    const db = database().db;
    ({ familyId, missingPersonId } = await missingPersonWithTypedMother(db));
    // Another family whose every registered relative has given a sample: nothing to simulate.
    const [other] = await db
      .select({ id: families.id })
      .from(families)
      .where(
        and(
          isNull(families.voidedAt),
          notInArray(families.id, [familyId]),
          sql`not exists (select 1 from reference_donors d where d.family_id = ${families.id} and not exists (select 1 from dna_samples s where s.donor_id = d.id))`,
        ),
      )
      .orderBy(families.reference)
      .limit(1);
    otherFamilyId = other?.id ?? "";
    brotherId = await addRelative("سالم", "male", "full_sibling");
  });

  it("computes and stores each stale family once, and lists the relative with the family page's figures", async () => {
    const db = database().db;
    expect(await staleFamilies(db, scope())).toHaveLength(2);
    const first = await refreshSamplingWorklist(db, "test", scope());
    expect(first).toMatchObject({ total: 2, done: 2, skipped: 0, frequencyTable: true });
    const [run] = await db.select().from(samplingRefreshRuns).where(eq(samplingRefreshRuns.id, first.runId));
    expect(run).toMatchObject({ familiesTotal: 2, familiesDone: 2, finishedAt: expect.any(Date) });
    // Nothing changed: a second refresh has nothing to do.
    expect(await refreshSamplingWorklist(db, "test", scope())).toMatchObject({ total: 0, done: 0 });

    const worklist = await readSamplingWorklist(forensic(), db);
    const advice = await readFamilySamplingAdvice(forensic(), db, familyId);
    const offered = advice?.missingPersons.find((person) => person.missingPersonId === missingPersonId)?.toSample[0];
    const entry = worklist.entries.find((line) => line.donorId === brotherId);
    expect(entry).toMatchObject({ familyId, missingPersonId, givenName: "سالم", relationship: "full_sibling", stale: false, simulations: 100 });
    // The same seed and inputs give the family page's numbers exactly.
    expect(entry?.inclusionAfter).toBe(offered?.power.inclusionPower);
    expect(entry?.inclusionGain).toBe(offered?.inclusionGain);
    expect(worklist.resultsFrom).toBeInstanceOf(Date);
    expect(worklist.running).toBeNull();
  });

  it("marks a family whose relatives changed as stale, and the next refresh recomputes only it, ranking by gain", async () => {
    const db = database().db;
    const before = await db.select({ familyId: familySamplingResults.familyId, computedAt: familySamplingResults.computedAt }).from(familySamplingResults);
    const otherComputedAt = before.find((row) => row.familyId === otherFamilyId)?.computedAt;
    const fatherId = await addRelative("عمر", "male", "father");

    expect(await staleFamilies(db, scope())).toEqual([familyId]);
    const stale = await readSamplingWorklist(forensic(), db);
    expect(stale.entries.find((line) => line.donorId === brotherId)?.stale).toBe(true);

    expect(await refreshSamplingWorklist(db, "test", scope())).toMatchObject({ total: 1, done: 1 });
    const [other] = await db.select({ computedAt: familySamplingResults.computedAt }).from(familySamplingResults).where(eq(familySamplingResults.familyId, otherFamilyId));
    expect(other?.computedAt).toEqual(otherComputedAt);

    const worklist = await readSamplingWorklist(forensic(), db);
    const ours = worklist.entries.filter((line) => line.familyId === familyId);
    expect(ours.map((line) => [line.donorId, line.stale])).toEqual(
      expect.arrayContaining([
        [brotherId, false],
        [fatherId, false],
      ]),
    );
    const gains = worklist.entries.map((line) => line.inclusionGain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    // The father's sample, with the mother's, says more than a brother's.
    expect(ours[0]?.donorId).toBe(fatherId);
  });

  it("shares the stale families between two refreshes running at once, computing each once", async () => {
    const db = database().db;
    await addRelative("نورية", "female", "full_sibling");
    await db.delete(familySamplingResults).where(eq(familySamplingResults.familyId, otherFamilyId));
    expect(await staleFamilies(db, scope())).toHaveLength(2);
    const runs = await Promise.all([refreshSamplingWorklist(db, "instance A", scope()), refreshSamplingWorklist(db, "instance B", scope())]);
    // Each run found the two families stale (or one, when the other run had stored it before it looked).
    expect(runs.map((run) => run.total).every((total) => total >= 1 && total <= 2)).toBe(true);
    expect(runs.reduce((sum, run) => sum + run.done, 0)).toBe(2);
    expect(await staleFamilies(db, scope())).toEqual([]);
  });

  it("records a refresh started from the page, refuses a second start while it runs, and allows one once it has finished", async () => {
    const db = database().db;
    const runId = await runTransaction(db, (tx) => recordRefreshStart(tx, "forensic"));
    expect((await readSamplingWorklist(forensic(), db)).running).toMatchObject({ done: 0 });
    const second = runTransaction(db, (tx) => recordRefreshStart(tx, "forensic2"));
    await expect(second).rejects.toBeInstanceOf(ActionRefusal);
    await expect(second).rejects.toMatchObject({ error: "conflict", messageKey: "Kinship.worklist.alreadyRunning" });
    // The recorded run is the one the background refresh then fills in.
    const finished = await refreshSamplingWorklist(db, "", { ...scope(), runId });
    expect(finished.runId).toBe(runId);
    const [run] = await db.select().from(samplingRefreshRuns).where(eq(samplingRefreshRuns.id, runId));
    expect(run).toMatchObject({ startedBy: "forensic", finishedAt: expect.any(Date) });
    const next = await runTransaction(db, (tx) => recordRefreshStart(tx, "forensic2"));
    await db.update(samplingRefreshRuns).set({ finishedAt: sql`now()` }).where(eq(samplingRefreshRuns.id, next));
  });

  it("gives, from the simulation's own process (as a refresh started from the page runs it), the advice computed here", async () => {
    const inputs = await loadSamplingInputs(database().db, { familyIds: [familyId] });
    const person = inputs?.families.get(familyId)?.find((entry) => entry.missingPersonId === missingPersonId);
    if (!inputs || !person) throw new Error("no sampling inputs for the family");
    const sampling = startSamplingProcess();
    try {
      expect(await sampling.compute(inputs, person)).toEqual(computeMissingPersonSampling(inputs, person));
    } finally {
      sampling.close();
    }
  });

  it("is not for a registrar", () => {
    expect(() => readAs("registrar", "dnaProfiles.use")).toThrow(ReadRefused);
  });
}, { data: "demo" });
