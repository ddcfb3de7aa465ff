import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { addReferenceDonor, createFamily } from "@/app/[locale]/staff/families/actions";
import { addPersonToPedigree, createPedigree, removePersonFromPedigree, updatePedigreePerson } from "@/app/[locale]/staff/families/[familyId]/pedigree/actions";
import { createMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { auditLog, familyPedigrees, pedigreePersons } from "@/db/schema";
import { readPedigreeView } from "@/lib/pedigrees/pedigree-view";
import { actionRequest, signInAs } from "./support/action-request";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser as createUserRow } from "./support/factories";
import { familyInput, missingPersonInput, motherDonorInput, unwrap } from "./support/people";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "a family's explicit pedigree (#21)", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUserRow(db(), "registrar"));
  });

  /** A missing man, his mother, his wife and their son, and a second "mother" the labels cannot place. */
  async function familyWithLabels() {
    const { familyId } = unwrap(await createFamily(familyInput()));
    const { missingPersonId } = unwrap(await createMissingPerson(missingPersonInput({ familyId, sex: "male" })));
    const donor = async (givenName: string, sex: "male" | "female", relationship: "mother" | "spouse" | "child") =>
      unwrap(await addReferenceDonor(motherDonorInput(familyId, missingPersonId, { givenName, sex, relationships: [{ missingPersonId, relationship }] }))).donorId;
    const mother = await donor("خديجة", "female", "mother");
    const wife = await donor("فاطمة", "female", "spouse");
    const son = await donor("عمر", "male", "child");
    const secondMother = await donor("زينب", "female", "mother");
    return { familyId, missingPersonId, mother, wife, son, secondMother };
  }

  async function personsOf(familyId: string) {
    const [pedigree] = await db().select().from(familyPedigrees).where(eq(familyPedigrees.familyId, familyId));
    const persons = pedigree ? await db().select().from(pedigreePersons).where(eq(pedigreePersons.pedigreeId, pedigree.id)) : [];
    const by = (id: string) => persons.find((person) => person.donorId === id || person.missingPersonId === id);
    return { pedigree, persons, by };
  }

  it("draws the pedigree up from the relationship labels, keeps the label it cannot place as a visible warning, and audits it", async () => {
    const family = await familyWithLabels();
    const before = await lastAuditEntryId(db());
    // Until then the page shows how the labels place the relatives, without storing anything.
    const preview = await readPedigreeView(readAs("registrar", "people.read"), db(), family.familyId);
    expect(preview).toMatchObject({ stored: false, version: 0 });
    expect(preview?.warnings).toEqual([expect.objectContaining({ donor: expect.stringContaining("زينب"), relationship: "mother" })]);

    expect(unwrap(await createPedigree({ familyId: family.familyId }))).toEqual({ version: 1 });
    const { pedigree, persons, by } = await personsOf(family.familyId);
    expect(by(family.missingPersonId)).toMatchObject({ motherId: by(family.mother)?.id, sex: "male" });
    expect(by(family.son)).toMatchObject({ fatherId: by(family.missingPersonId)?.id, motherId: by(family.wife)?.id });
    // The second mother is in the pedigree, unplaced, and her label is kept as a warning.
    expect(by(family.secondMother)).toMatchObject({ fatherId: null, motherId: null });
    expect(pedigree?.placementWarnings).toEqual([expect.objectContaining({ donorId: family.secondMother, missingPersonId: family.missingPersonId, relationship: "mother" })]);
    expect(persons).toHaveLength(5);
    const view = await readPedigreeView(readAs("viewer", "people.read"), db(), family.familyId);
    expect(view).toMatchObject({ stored: true, version: 1, problem: null });
    expect(view?.warnings).toHaveLength(1);
    expect(await auditEntriesAfter(db(), before)).toEqual([
      expect.objectContaining({ action: "pedigree.create", entity: "family_pedigree", entityId: pedigree?.id, after: expect.objectContaining({ persons: expect.any(Array) }) }),
    ]);
    // A second draw-up is refused: the stored pedigree is never silently replaced.
    expect(await createPedigree({ familyId: family.familyId })).toMatchObject({ ok: false, message: "Pedigree.errors.alreadyCreated" });
  });

  it("adds a second wife and places a child of hers, refuses a stale version, a cycle and a mother who is a man, changing nothing", async () => {
    const family = await familyWithLabels();
    unwrap(await createPedigree({ familyId: family.familyId }));
    const { personId: secondWife, version } = unwrap(await addPersonToPedigree({ kind: "untyped", familyId: family.familyId, version: 1, label: "الزوجة الثانية", sex: "female" }));
    expect(version).toBe(2);
    const { by } = await personsOf(family.familyId);
    const missingMan = by(family.missingPersonId)?.id ?? "";
    const daughter = by(family.secondMother)?.id ?? "";
    const before = await lastAuditEntryId(db());
    const set = { familyId: family.familyId, personId: daughter, fatherId: missingMan, motherId: secondWife, sex: "female" as const, label: "" };
    expect(unwrap(await updatePedigreePerson({ ...set, version: 2 }))).toEqual({ version: 3 });
    const [entry] = await auditEntriesAfter(db(), before);
    expect(entry).toMatchObject({ action: "pedigree.updatePerson", entity: "family_pedigree" });
    expect((entry?.after as { persons: { id: string; fatherId: string | null; motherId: string | null }[] }).persons).toContainEqual(expect.objectContaining({ id: daughter, fatherId: missingMan, motherId: secondWife }));

    const unchanged = async () => (await personsOf(family.familyId)).persons.map(({ id, fatherId, motherId, sex, label }) => ({ id, fatherId, motherId, sex, label }));
    const snapshot = await unchanged();
    const lastEntry = await lastAuditEntryId(db());
    // Someone saved version 3 first: a form loaded at version 2 is refused, with who saved it.
    const stale = await updatePedigreePerson({ ...set, motherId: "", version: 2 });
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { changedBy: expect.any(String) } });
    // The missing man cannot be his own daughter's child.
    const cycle = await updatePedigreePerson({ familyId: family.familyId, personId: missingMan, fatherId: "", motherId: daughter, sex: "male", label: "", version: 3 });
    expect(cycle).toMatchObject({ ok: false, error: "refused", message: "Pedigree.errors.ownAncestor" });
    expect(await updatePedigreePerson({ familyId: family.familyId, personId: secondWife, fatherId: daughter, motherId: "", sex: "female", label: "x", version: 3 })).toMatchObject({ ok: false, message: "Pedigree.errors.parentSex" });
    const ownAncestor = await updatePedigreePerson({ familyId: family.familyId, personId: by(family.mother)?.id ?? "", fatherId: "", motherId: daughter, sex: "female", label: "", version: 3 });
    expect(ownAncestor).toMatchObject({ ok: false, error: "refused", message: "Pedigree.errors.ownAncestor" });
    expect(await unchanged()).toEqual(snapshot);
    expect(await auditEntriesAfter(db(), lastEntry)).toEqual([]);
    expect((await personsOf(family.familyId)).pedigree?.version).toBe(3);

    // Removing the second wife leaves her daughter with no mother in the pedigree, and is audited.
    expect(unwrap(await removePersonFromPedigree({ familyId: family.familyId, personId: secondWife, version: 3 }))).toEqual({ version: 4 });
    const after = await personsOf(family.familyId);
    expect(after.persons.some((person) => person.id === secondWife)).toBe(false);
    expect(after.persons.find((person) => person.id === daughter)).toMatchObject({ fatherId: missingMan, motherId: null });
    const removal = await db().select().from(auditLog).where(eq(auditLog.action, "pedigree.removePerson"));
    expect(removal.at(-1)).toMatchObject({ entityId: after.pedigree?.id });
  });

  it("is refused to forensic staff and viewers, who may only read it", async () => {
    const family = await familyWithLabels();
    for (const role of ["forensic", "viewer"] as const) {
      signInAs(await createUserRow(db(), role));
      expect(await createPedigree({ familyId: family.familyId })).toMatchObject({ ok: false, error: "forbidden" });
    }
    expect((await personsOf(family.familyId)).pedigree).toBeUndefined();
    expect(await readPedigreeView(readAs("forensic", "people.read"), db(), family.familyId)).toMatchObject({ stored: false });
  });
});
