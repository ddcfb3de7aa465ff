import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { createMissingPerson, mergeDuplicatePersons, updateMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { identifications, missingPersons } from "@/db/schema";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains, createUser as createUserRow } from "./support/factories";
import { missingPersonInput, unwrap } from "./support/people";
import { relaxSecondPersonControl } from "./support/approval-policy";

const backends = await testBackends();

describeOnEachBackend(backends, "a person's status follows the identification, not the edit form", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    await relaxSecondPersonControl(db());
    signInAs(await createUserRow(db(), "registrar"));
  });

  /** Registers a person and returns the form values that would edit it, status aside. */
  async function registeredPerson(givenName: string) {
    const input = missingPersonInput({ givenName });
    const { missingPersonId } = unwrap(await createMissingPerson(input));
    // The edit schema ignores the creation-only duplicatesReviewed flag.
    return { id: missingPersonId, version: 1, fields: input };
  }

  function editOf(person: Awaited<ReturnType<typeof registeredPerson>>, status: "missing" | "identified" | "found_alive") {
    return { ...person.fields, missingPersonId: person.id, version: person.version, status };
  }

  it("refuses to mark a person identified by hand, and changes nothing", async () => {
    const person = await registeredPerson("منصور");
    const result = await updateMissingPerson(editOf(person, "identified"));
    expect(result).toMatchObject({ ok: false, fieldErrors: { status: "statusSetByIdentification" } });
    const [after] = await db().select().from(missingPersons).where(eq(missingPersons.id, person.id));
    expect(after).toMatchObject({ status: "missing", version: person.version });
  });

  it("lets staff record that a person was found alive", async () => {
    const person = await registeredPerson("سالم");
    unwrap(await updateMissingPerson(editOf(person, "found_alive")));
    const [after] = await db().select().from(missingPersons).where(eq(missingPersons.id, person.id));
    expect(after?.status).toBe("found_alive");
  });

  it("refuses found alive while an identification holds the person", async () => {
    const person = await registeredPerson("خليفة");
    const forensic = await createUserRow(db(), "forensic");
    const body = await createRemains(db());
    await db().insert(identifications).values({
      remainsId: body.id, missingPersonId: person.id, proposedBy: forensic.id, basis: ["dna"], likelihoodRatio: 1e9, evidenceSummary: "اختبار",
    });
    const result = await updateMissingPerson(editOf(person, "found_alive"));
    expect(result).toMatchObject({ ok: false, fieldErrors: { status: "statusSetByIdentification" } });
  });

  it("gives the survivor of a merge the status of the confirmed identification that came with the duplicate", async () => {
    const survivor = await registeredPerson("مفتاح");
    const duplicate = await registeredPerson("مفتاح");
    const [proposer, confirmer] = [await createUserRow(db(), "forensic"), await createUserRow(db(), "forensic")];
    const body = await createRemains(db());
    await db().insert(identifications).values({
      remainsId: body.id, missingPersonId: duplicate.id, proposedBy: proposer.id, confirmedBy: confirmer.id, confirmedAt: new Date(),
      status: "confirmed", basis: ["dna"], likelihoodRatio: 1e9, evidenceSummary: "اختبار",
    });
    await db().update(missingPersons).set({ status: "identified" }).where(eq(missingPersons.id, duplicate.id));

    unwrap(await mergeDuplicatePersons({ survivorId: survivor.id, mergedId: duplicate.id, survivorVersion: survivor.version, mergedVersion: duplicate.version }));

    const [after] = await db().select().from(missingPersons).where(eq(missingPersons.id, survivor.id));
    expect(after?.status).toBe("identified");
    const [identification] = await db().select().from(identifications).where(eq(identifications.remainsId, body.id));
    expect(identification?.missingPersonId).toBe(survivor.id);
  });
});
