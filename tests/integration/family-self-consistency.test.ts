import "./support/mock-action-request";
import { beforeEach, expect, it } from "vitest";
import { addReferenceDonor, createFamily, updateReferenceDonor } from "@/app/[locale]/staff/families/actions";
import { createMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { collectSample } from "@/app/[locale]/staff/samples/actions";
import { strProfiles } from "@/db/schema";
import { getFamilyReferenceConsistency, loadScreeningInput } from "@/lib/dna-profiles/screening-data";
import { runKinshipScreen, screenSettingsSchema } from "@/lib/dna-profiles/screening";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser as createUserRow } from "./support/factories";
import { loadApprovedFrequencyTable } from "./support/frequency-tables";
import { familyInput, missingPersonInput, motherDonorInput, sampleInput, unwrap } from "./support/people";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "a reference family inconsistent within itself (#21)", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUserRow(db(), "registrar"));
  });

  async function typedDonor(familyId: string, missingPersonId: string, givenName: string, relationship: "mother" | "full_sibling", th01: [string, string]) {
    const donor = motherDonorInput(familyId, missingPersonId, { givenName, relationships: [{ missingPersonId, relationship }] });
    const { donorId } = unwrap(await addReferenceDonor(donor));
    const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
    await db().insert(strProfiles).values([
      { sampleId, locus: "TH01", allele1: th01[0], allele2: th01[1] },
      { sampleId, locus: "D8S1179", allele1: "12", allele2: "13" },
    ]);
    return { donor, donorId };
  }

  it("names on the family's page the locus and the two relatives who contradict each other, and keeps the family out of the screen until corrected", async () => {
    const { familyId } = unwrap(await createFamily(familyInput()));
    const { missingPersonId } = unwrap(await createMissingPerson(missingPersonInput({ familyId })));
    const mother = await typedDonor(familyId, missingPersonId, "خديجة", "mother", ["6", "6"]);
    const sibling = await typedDonor(familyId, missingPersonId, "سالمة", "full_sibling", ["7", "9"]);

    const flagged = await getFamilyReferenceConsistency(readAs("registrar", "people.read"), db(), familyId);
    expect(flagged).toEqual([
      {
        missingPersonId,
        caseNumber: expect.any(String),
        placementProblem: null,
        inconsistentLoci: [{ locus: "TH01", relatives: [expect.any(Array)] }],
      },
    ]);
    const [pair] = flagged[0]?.inconsistentLoci[0]?.relatives ?? [];
    expect(pair).toHaveLength(2);
    expect(pair).toEqual(expect.arrayContaining([
      { donorId: mother.donorId, givenName: "خديجة", relationship: "mother" },
      { donorId: sibling.donorId, givenName: "سالمة", relationship: "full_sibling" },
    ]));
    const screening = await loadScreeningInput(readAs("forensic", "dnaProfiles.use"), db());
    expect(screening.candidates.map((candidate) => candidate.id)).not.toContain(missingPersonId);
    expect(screening.excludedFamilies).toContainEqual(expect.objectContaining({ id: missingPersonId, inconsistentLoci: ["TH01"] }));
    // The leads page says which families the screen left out, and why, rather than leaving them out unseen.
    await loadApprovedFrequencyTable(db());
    const outcome = await runKinshipScreen(readAs("forensic", "dnaProfiles.use"), db(), screenSettingsSchema.parse({}));
    expect(outcome).toMatchObject({ status: "done", excludedFamilies: expect.arrayContaining([expect.objectContaining({ id: missingPersonId, inconsistentLoci: ["TH01"] })]) });
    signInAs(await createUserRow(db(), "registrar"));

    // The registrar finds the sister is a paternal half sister: the family is consistent again.
    const corrected = { ...sibling.donor, donorId: sibling.donorId, version: 1, relationships: [{ missingPersonId, relationship: "paternal_half_sibling" as const }] };
    unwrap(await updateReferenceDonor(corrected));
    expect(await getFamilyReferenceConsistency(readAs("registrar", "people.read"), db(), familyId)).toEqual([]);
    const again = await loadScreeningInput(readAs("forensic", "dnaProfiles.use"), db());
    expect(again.candidates.map((candidate) => candidate.id)).toContain(missingPersonId);
  });
});
