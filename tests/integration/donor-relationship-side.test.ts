import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { addReferenceDonor, createFamily, updateReferenceDonor } from "@/app/[locale]/staff/families/actions";
import { createMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { collectSample } from "@/app/[locale]/staff/samples/actions";
import { donorRelationships, strProfiles } from "@/db/schema";
import { loadScreeningInput } from "@/lib/dna-profiles/screening-data";
import { getFamilyDetails } from "@/lib/people/family-queries";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser as createUserRow } from "./support/factories";
import { familyInput, missingPersonInput, motherDonorInput, sampleInput, unwrap } from "./support/people";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "the side of a donor's relationship (#21)", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUserRow(db(), "registrar"));
  });

  async function family() {
    const { familyId } = unwrap(await createFamily(familyInput()));
    const { missingPersonId } = unwrap(await createMissingPerson(missingPersonInput({ familyId })));
    return { familyId, missingPersonId };
  }

  it("refuses a grandparent, an aunt or uncle and a cousin whose side is not said", async () => {
    const { familyId, missingPersonId } = await family();
    for (const relationship of ["grandparent", "aunt_uncle", "cousin"] as const) {
      const refused = await addReferenceDonor(motherDonorInput(familyId, missingPersonId, { relationships: [{ missingPersonId, relationship, side: "" }] }));
      expect(refused).toMatchObject({ ok: false, fieldErrors: { "relationships.0.side": "chooseSide" } });
    }
  });

  it("keeps a maternal grandmother's side, shows it on the family page and gives it to the screen", async () => {
    const { familyId, missingPersonId } = await family();
    const donor = motherDonorInput(familyId, missingPersonId, { relationships: [{ missingPersonId, relationship: "grandparent", side: "maternal" }] });
    const { donorId } = unwrap(await addReferenceDonor(donor));
    const details = await getFamilyDetails(readAs("registrar", "people.read"), db(), familyId);
    expect(details?.donors[0]?.relationships).toMatchObject([{ relationship: "grandparent", side: "maternal" }]);

    const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
    await db().insert(strProfiles).values({ sampleId, locus: "D8S1179", allele1: "12", allele2: "13" });
    const screening = await loadScreeningInput(readAs("forensic", "dnaProfiles.use"), db());
    const candidate = screening.candidates.find((entry) => entry.id === missingPersonId);
    expect(candidate?.references).toMatchObject([{ id: donorId, relationship: "grandparent", side: "maternal" }]);

    signInAs(await createUserRow(db(), "registrar"));
    const edit = { ...donor, donorId, version: 1, relationships: [{ missingPersonId, relationship: "grandparent" as const, side: "paternal" as const }] };
    unwrap(await updateReferenceDonor(edit));
    const [, updated] = await auditEntriesFor(db(), "reference_donor", donorId);
    expect(updated).toMatchObject({ before: { relationships: [{ relationship: "grandparent", side: "maternal" }] }, after: { relationships: [{ relationship: "grandparent", side: "paternal" }] } });
  });

  it("derives a half sibling's side from the relation and records none for a mother", async () => {
    const { familyId, missingPersonId } = await family();
    const half = unwrap(await addReferenceDonor(motherDonorInput(familyId, missingPersonId, { relationships: [{ missingPersonId, relationship: "maternal_half_sibling", side: "paternal" }] })));
    const mother = unwrap(await addReferenceDonor(motherDonorInput(familyId, missingPersonId, { relationships: [{ missingPersonId, relationship: "mother", side: "paternal" }] })));
    const sideOf = async (donorId: string) => (await db().select({ side: donorRelationships.side }).from(donorRelationships).where(eq(donorRelationships.donorId, donorId)))[0]?.side;
    expect(await sideOf(half.donorId)).toBe("maternal");
    expect(await sideOf(mother.donorId)).toBeNull();
  });

  it("leaves a grandparent recorded before sides were asked without one, so the screen still assumes and says so", async () => {
    const { familyId, missingPersonId } = await family();
    const { donorId } = unwrap(await addReferenceDonor(motherDonorInput(familyId, missingPersonId, { relationships: [{ missingPersonId, relationship: "grandparent", side: "paternal" }] })));
    await db().update(donorRelationships).set({ side: null }).where(eq(donorRelationships.donorId, donorId));
    const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
    await db().insert(strProfiles).values({ sampleId, locus: "D8S1179", allele1: "12", allele2: "13" });
    const screening = await loadScreeningInput(readAs("forensic", "dnaProfiles.use"), db());
    const reference = screening.candidates.find((entry) => entry.id === missingPersonId)?.references[0];
    expect(reference).toMatchObject({ id: donorId, relationship: "grandparent" });
    expect(reference && "side" in reference).toBe(false);
  });
});
