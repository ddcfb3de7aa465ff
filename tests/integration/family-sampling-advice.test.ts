import { beforeAll, expect, it } from "vitest";
import { donorRelationships, referenceDonors } from "@/db/schema";
import { readFamilySamplingAdvice } from "@/lib/dna-profiles/family-sampling-advice";
import { refreshSamplingWorklist } from "@/lib/sampling-worklist/refresh";
import { missingPersonWithTypedMother } from "./support/typed-mother";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { readAs } from "./support/read-access";

const backends = await testBackends();

/**
 * Issue #22, point 6: the family page says which registered relative to sample next, from what the
 * sampling refresh stored (it never simulates in the request), with the date and marked out of date.
 */
describeOnEachBackend(backends, "sampling advice on a family's page", (database) => {
  let familyId = "";
  let missingPersonId = "";
  let donorId = "";

  beforeAll(async () => {
    const db = database().db;
    // A missing person with one typed relative; a sibling registered for them who has given no sample.
    ({ familyId, missingPersonId } = await missingPersonWithTypedMother(db));
    const [donor] = await db.insert(referenceDonors).values({ familyId, givenName: "سالم", nameSearch: "سالم", sex: "male" }).returning();
    donorId = donor?.id ?? "";
    await db.insert(donorRelationships).values({ donorId, missingPersonId, relationship: "full_sibling" });
  });

  it("shows nothing computed before the refresh has run for the family, without simulating", async () => {
    const advice = await readFamilySamplingAdvice(readAs("forensic", "dnaProfiles.use"), database().db, familyId);
    expect(advice).toMatchObject({ computedAt: null, stale: true, missingPersons: [] });
  });

  it("offers the registered relative without a sample, with the exact exclusion power of those typed and simulated powers, once refreshed", async () => {
    const db = database().db;
    await refreshSamplingWorklist(db, "test", { familyIds: [familyId] });
    const advice = await readFamilySamplingAdvice(readAs("forensic", "dnaProfiles.use"), db, familyId);
    expect(advice).toMatchObject({ threshold: 10_000, theta: 0.02, mutationRate: 0.002, simulations: 100, frequencyTable: expect.stringMatching(/synthetic/i), computedAt: expect.any(Date), stale: false });
    const person = advice?.missingPersons.find((entry) => entry.missingPersonId === missingPersonId);
    expect(person?.placementProblem).toBeNull();
    expect(person?.typedRelatives).toBeGreaterThanOrEqual(1);
    expect(person?.exactExclusionPower).toBeGreaterThan(0.5);
    expect(person?.toSample.map((donor) => [donor.donorId, donor.relationship])).toEqual([[donorId, "full_sibling"]]);
    expect(person?.toSample[0]?.power.inclusionPower).toBeGreaterThanOrEqual(person?.current.inclusionPower ?? 1);
    expect(person?.current).toMatchObject({ simulations: 100, theta: 0.02 });
  });

  it("keeps showing the stored figures, marked out of date, once another relative is registered", async () => {
    const db = database().db;
    const [father] = await db.insert(referenceDonors).values({ familyId, givenName: "عمر", nameSearch: "عمر", sex: "male" }).returning();
    await db.insert(donorRelationships).values({ donorId: father?.id ?? "", missingPersonId, relationship: "father" });
    const advice = await readFamilySamplingAdvice(readAs("forensic", "dnaProfiles.use"), db, familyId);
    expect(advice?.stale).toBe(true);
    const person = advice?.missingPersons.find((entry) => entry.missingPersonId === missingPersonId);
    expect(person?.toSample.map((donor) => donor.donorId)).toEqual([donorId]);
  });

  it("gives nothing for an unknown family", async () => {
    expect(await readFamilySamplingAdvice(readAs("forensic", "dnaProfiles.use"), database().db, "00000000-0000-4000-8000-000000000000")).toMatchObject({ missingPersons: [] });
  });
}, { data: "demo" });
