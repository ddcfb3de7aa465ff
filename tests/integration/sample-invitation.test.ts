import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { donorRelationships, missingPersons, referenceDonors } from "@/db/schema";
import { printSampleInvitation } from "@/app/[locale]/staff/families/actions";
import type { Role } from "@/lib/auth/permissions";
import { getSampleInvitation } from "@/lib/people/sample-invitation";
import { actionRequest, auditEntriesFor } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createReferenceSample } from "./support/factories";
import { readAs } from "./support/read-access";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();

/** Issue #22, point 6: the letter inviting the relative whose sample would help most. */
describeOnEachBackend(backends, "the letter inviting a relative to give a sample", (database) => {
  const db = () => database().db;
  const signInAs = async (role: Role) => {
    actionRequest.session = await createStaffSession(db(), role);
  };

  /** A missing man and his brother, registered without a sample yet. */
  async function brotherToInvite() {
    const person = await createMissingPerson(db());
    const [donor] = await db()
      .insert(referenceDonors)
      .values({ familyId: person.familyId as string, givenName: "سالم", fatherName: "علي", familyName: "الترهوني", nameSearch: "سالم علي الترهوني", sex: "male" })
      .returning();
    if (!donor) throw new Error("no donor");
    await db().insert(donorRelationships).values({ donorId: donor.id, missingPersonId: person.id, relationship: "full_sibling" });
    return { person, donor };
  }

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  it("names the missing relatives and the family reference, and nothing of another family", async () => {
    const { person, donor } = await brotherToInvite();
    const invitation = await getSampleInvitation(readAs("registrar", "personalData.export"), db(), donor.id);
    expect(invitation).toMatchObject({ donorId: donor.id, givenName: "سالم", familyId: person.familyId, sampledOn: null });
    expect(invitation?.relatives.map((relative) => [relative.caseNumber, relative.relationship])).toEqual([[person.caseNumber, "full_sibling"]]);
    // A voided missing person is not named in a letter.
    await db().update(missingPersons).set({ voidedAt: new Date(), voidReason: "entered twice" }).where(eq(missingPersons.id, person.id));
    expect((await getSampleInvitation(readAs("registrar", "personalData.export"), db(), donor.id))?.relatives).toEqual([]);
    expect(await getSampleInvitation(readAs("registrar", "personalData.export"), db(), "not-a-uuid")).toBeNull();
  });

  it("audits each print, and refuses one for a relative who has given a sample, printing nothing", async () => {
    const { donor } = await brotherToInvite();
    await signInAs("registrar");
    expect(await printSampleInvitation({ donorId: donor.id })).toEqual({ ok: true, data: null });
    const printed = await auditEntriesFor(db(), "reference_donor", donor.id);
    expect(printed.map((entry) => entry.action)).toEqual(["personal data print"]);
    expect(printed[0]?.after).toMatchObject({ document: "sample invitation letter" });

    await createReferenceSample(db(), donor.id);
    expect(await printSampleInvitation({ donorId: donor.id })).toMatchObject({ ok: false, error: "refused", message: "People.invitation.alreadySampled" });
    expect(await auditEntriesFor(db(), "reference_donor", donor.id)).toHaveLength(1);
  });

  it("refuses a viewer, who may not take personal data off the screen", async () => {
    const { donor } = await brotherToInvite();
    await signInAs("viewer");
    expect(await printSampleInvitation({ donorId: donor.id })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await auditEntriesFor(db(), "reference_donor", donor.id)).toHaveLength(0);
  });
});
