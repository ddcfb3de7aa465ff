import { beforeAll, expect, it } from "vitest";
import { donorRelationships, referenceDonors } from "@/db/schema";
import { readFamilySamplingAdvice } from "@/lib/dna-profiles/family-sampling-advice";
import { missingPersonWithTypedMother } from "./support/typed-mother";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { readAs } from "./support/read-access";

const backends = await testBackends();

/** Issue #22, point 6: the family page says which registered relative to sample next. */
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

  it("offers the registered relative without a sample, with the exact exclusion power of those typed and simulated powers", async () => {
    const advice = await readFamilySamplingAdvice(readAs("forensic", "dnaProfiles.use"), database().db, familyId);
    expect(advice).toMatchObject({ threshold: 10_000, theta: 0.02, mutationRate: 0.002, simulations: 100, frequencyTable: expect.stringMatching(/synthetic/i) });
    const person = advice?.missingPersons.find((entry) => entry.missingPersonId === missingPersonId);
    expect(person?.placementProblem).toBeNull();
    expect(person?.typedRelatives).toBeGreaterThanOrEqual(1);
    expect(person?.exactExclusionPower).toBeGreaterThan(0.5);
    expect(person?.toSample.map((donor) => [donor.donorId, donor.relationship])).toEqual([[donorId, "full_sibling"]]);
    expect(person?.toSample[0]?.power.inclusionPower).toBeGreaterThanOrEqual(person?.current.inclusionPower ?? 1);
    expect(person?.current.simulations).toBe(100);
  });

  it("gives nothing for an unknown family", async () => {
    expect(await readFamilySamplingAdvice(readAs("forensic", "dnaProfiles.use"), database().db, "00000000-0000-4000-8000-000000000000")).toMatchObject({ missingPersons: [] });
  });
}, { data: "demo" });
