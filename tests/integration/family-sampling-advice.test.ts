import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { dnaSamples, donorRelationships, missingPersons, referenceDonors, strProfiles } from "@/db/schema";
import { readFamilySamplingAdvice } from "@/lib/dna-profiles/family-sampling-advice";
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
    const [typed] = await db
      .selectDistinct({ familyId: referenceDonors.familyId, missingPersonId: donorRelationships.missingPersonId })
      .from(strProfiles)
      .innerJoin(dnaSamples, eq(dnaSamples.id, strProfiles.sampleId))
      .innerJoin(referenceDonors, eq(referenceDonors.id, dnaSamples.donorId))
      .innerJoin(donorRelationships, and(eq(donorRelationships.donorId, referenceDonors.id), eq(donorRelationships.relationship, "mother")))
      .innerJoin(missingPersons, eq(missingPersons.id, donorRelationships.missingPersonId))
      .where(and(isNotNull(dnaSamples.donorId), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)))
      .orderBy(donorRelationships.missingPersonId)
      .limit(1);
    if (!typed) throw new Error("the demo has no typed mother");
    [familyId, missingPersonId] = [typed.familyId, typed.missingPersonId];
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
