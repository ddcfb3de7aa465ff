import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { families, familyPedigrees, pedigreePersons } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { pedigreeFromLabels } from "./from-labels";
import { asStoredPerson, familyDonorsForPedigree, familyMissingPersons, relationshipLabels, storedPedigree, type PedigreePersonRow } from "./pedigree-records";
import type { AddPedigreePersonValues, CreatePedigreeValues, RemovePedigreePersonValues, SetPedigreePersonValues } from "./schemas";
import { pedigreeProblem } from "./validation";

const ENTITY = "family_pedigree";

/** What an audit entry keeps of the pedigree: every person and their links. */
function snapshot(familyId: string, version: number, persons: readonly PedigreePersonRow[]) {
  return {
    familyId,
    version,
    persons: persons.map(({ id, donorId, missingPersonId, label, sex, fatherId, motherId }) => ({ id, donorId, missingPersonId, label, sex, fatherId, motherId })),
  };
}

async function openFamily(tx: Transaction, familyId: string): Promise<void> {
  const [family] = await tx.select({ id: families.id, voidedAt: families.voidedAt }).from(families).where(eq(families.id, familyId)).for("update");
  if (!family) throw new ActionRefusal("notFound", "Actions.notFound");
  if (family.voidedAt) throw new ActionRefusal("refused", "Forensic.recordVoided");
}

/**
 * The family's pedigree at the version the page was loaded with, its version moved on. A newer
 * version means someone else saved first: refused with who, when and what (never overwritten).
 */
async function claimPedigree(tx: Transaction, familyId: string, version: number) {
  await openFamily(tx, familyId);
  const stored = await storedPedigree(tx, familyId);
  if (!stored) throw new ActionRefusal("refused", "Pedigree.errors.notCreated");
  const after = await updateVersioned(tx, familyPedigrees, ENTITY, { id: stored.pedigree.id, version }, {});
  return { ...stored, version: Number(after.version) };
}

/** Refuses (and so rolls back) a change after which the pedigree is no longer a pedigree. */
async function checkAndAudit(
  context: ActionContext<{ familyId: string }>,
  action: string,
  claimed: Awaited<ReturnType<typeof claimPedigree>>,
): Promise<{ version: number }> {
  const { tx, audit, input } = context;
  const persons = await tx.select().from(pedigreePersons).where(eq(pedigreePersons.pedigreeId, claimed.pedigree.id));
  const problem = pedigreeProblem(persons.map(asStoredPerson));
  // A pedigree that breaks a rule of the whole (a cycle, a mother who is a man) is no single field's fault.
  if (problem) throw new ActionRefusal("refused", `Pedigree.errors.${problem.fault}`);
  await audit({
    action,
    entity: ENTITY,
    entityId: claimed.pedigree.id,
    before: snapshot(input.familyId, claimed.pedigree.version, claimed.persons),
    after: snapshot(input.familyId, claimed.version, persons),
  });
  return { version: claimed.version };
}

/** Parents before children, so each insert names only persons already stored. */
function parentsFirst<T extends { key: string; father: string | null; mother: string | null }>(persons: readonly T[]): T[] {
  const placed = new Set<string>();
  const order: T[] = [];
  let remaining = [...persons];
  while (remaining.length > 0) {
    const ready = remaining.filter((person) => [person.father, person.mother].every((parent) => parent === null || placed.has(parent)));
    // from-labels returns a checked pedigree, so some person is always ready; guard against a loop anyway.
    if (ready.length === 0) throw new Error("pedigree from labels has a cycle");
    for (const person of ready) {
      placed.add(person.key);
      order.push(person);
    }
    remaining = remaining.filter((person) => !placed.has(person.key));
  }
  return order;
}

/**
 * The family's explicit pedigree, made from its relationship labels (the first edit of a family's
 * pedigree: until then the screen places relatives by their labels, the same way). The labels are
 * kept; each one that could not be placed as it says is stored as a warning the page shows.
 */
export async function createPedigreeFromLabels({ input, tx, audit }: ActionContext<CreatePedigreeValues>): Promise<{ version: number }> {
  await openFamily(tx, input.familyId);
  if (await storedPedigree(tx, input.familyId)) throw new ActionRefusal("refused", "Pedigree.errors.alreadyCreated");
  const [missing, donors] = await Promise.all([familyMissingPersons(tx, input.familyId), familyDonorsForPedigree(tx, input.familyId)]);
  const labels = await relationshipLabels(tx, donors.map((donor) => donor.id), missing.map((person) => person.id));
  const { persons, warnings } = pedigreeFromLabels(missing, donors, labels);
  const [pedigree] = await tx
    .insert(familyPedigrees)
    .values({ familyId: input.familyId, placementWarnings: warnings.map(({ donorId, missingPersonId, relationship, side, reason }) => ({ donorId, missingPersonId, relationship, side, reason })) })
    .returning();
  if (!pedigree) throw new Error("the pedigree was not stored");
  const ids = new Map(persons.map((person) => [person.key, randomUUID()]));
  const idOf = (key: string | null) => (key === null ? null : (ids.get(key) ?? null));
  const rows = parentsFirst(persons).map((person) => ({
    id: idOf(person.key) as string,
    pedigreeId: pedigree.id,
    donorId: person.donorId,
    missingPersonId: person.missingPersonId,
    sex: person.sex,
    fatherId: idOf(person.father),
    motherId: idOf(person.mother),
  }));
  const stored = rows.length > 0 ? await tx.insert(pedigreePersons).values(rows).returning() : [];
  const problem = pedigreeProblem(stored.map(asStoredPerson));
  if (problem) throw new Error(`the pedigree made from the labels is not valid: ${problem.fault}`);
  await audit({
    action: "pedigree.create",
    entity: ENTITY,
    entityId: pedigree.id,
    before: null,
    after: { ...snapshot(input.familyId, pedigree.version, stored), placementWarnings: pedigree.placementWarnings, fromLabels: labels },
  });
  return { version: pedigree.version };
}

/** Adds an untyped connecting person, or a donor or missing person of the family not yet in the pedigree. */
export async function addPedigreePerson(context: ActionContext<AddPedigreePersonValues>): Promise<{ version: number; personId: string }> {
  const { input, tx } = context;
  const claimed = await claimPedigree(tx, input.familyId, input.version);
  let values: typeof pedigreePersons.$inferInsert;
  if (input.kind === "untyped") {
    values = { pedigreeId: claimed.pedigree.id, label: input.label, sex: input.sex };
  } else {
    const [missing, donors] = await Promise.all([familyMissingPersons(tx, input.familyId), familyDonorsForPedigree(tx, input.familyId)]);
    const person = missing.find((row) => row.id === input.recordId);
    const donor = donors.find((row) => row.id === input.recordId);
    if (!person && !donor) throw new ActionRefusal("invalid", "Actions.invalid", { recordId: "invalidChoice" });
    if (claimed.persons.some((row) => row.donorId === input.recordId || row.missingPersonId === input.recordId)) {
      throw new ActionRefusal("invalid", "Pedigree.errors.alreadyPlaced", { recordId: "invalidChoice" });
    }
    values = person
      ? { pedigreeId: claimed.pedigree.id, missingPersonId: person.id, sex: person.sex }
      : { pedigreeId: claimed.pedigree.id, donorId: donor?.id ?? null, sex: donor?.sex ?? "unknown" };
  }
  const [added] = await tx.insert(pedigreePersons).values(values).returning({ id: pedigreePersons.id });
  const result = await checkAndAudit(context, "pedigree.addPerson", claimed);
  return { ...result, personId: added?.id ?? "" };
}

async function personOf(tx: Transaction, pedigreeId: string, personId: string): Promise<PedigreePersonRow> {
  const [person] = await tx.select().from(pedigreePersons).where(and(eq(pedigreePersons.id, personId), eq(pedigreePersons.pedigreeId, pedigreeId)));
  if (!person) throw new ActionRefusal("notFound", "Actions.notFound");
  return person;
}

/**
 * Sets one person's father, mother and sex. The pedigree as a whole is checked afterwards with the
 * kinship engine's own rules; a fault (a cycle, a mother who is a man) refuses the save and
 * nothing changes. A registered person's sex is their record's when the record knows it.
 */
export async function setPedigreePerson(context: ActionContext<SetPedigreePersonValues>): Promise<{ version: number }> {
  const { input, tx } = context;
  const claimed = await claimPedigree(tx, input.familyId, input.version);
  const person = await personOf(tx, claimed.pedigree.id, input.personId);
  const fatherId = input.fatherId === "" ? null : input.fatherId;
  const motherId = input.motherId === "" ? null : input.motherId;
  for (const [field, parentId] of [["fatherId", fatherId], ["motherId", motherId]] as const) {
    if (parentId !== null && !claimed.persons.some((row) => row.id === parentId)) throw new ActionRefusal("invalid", "Actions.invalid", { [field]: "invalidChoice" });
  }
  const registered = person.donorId !== null || person.missingPersonId !== null;
  if (registered) {
    const recordSex = await registeredSex(tx, input.familyId, person);
    if (recordSex !== "unknown" && recordSex !== input.sex) throw new ActionRefusal("invalid", "Pedigree.errors.recordSex", { sex: "invalidChoice" });
  } else if (input.label === "") {
    throw new ActionRefusal("invalid", "Actions.invalid", { label: "required" });
  }
  await tx
    .update(pedigreePersons)
    .set({ fatherId, motherId, sex: input.sex, label: registered ? "" : input.label })
    .where(eq(pedigreePersons.id, person.id));
  return checkAndAudit(context, "pedigree.updatePerson", claimed);
}

async function registeredSex(tx: Transaction, familyId: string, person: PedigreePersonRow) {
  const [missing, donors] = await Promise.all([familyMissingPersons(tx, familyId), familyDonorsForPedigree(tx, familyId)]);
  const record = missing.find((row) => row.id === person.missingPersonId) ?? donors.find((row) => row.id === person.donorId);
  return record?.sex ?? "unknown";
}

/** Removes a person from the pedigree (their children's link to them goes with them). A registered person's record is untouched. */
export async function removePedigreePerson(context: ActionContext<RemovePedigreePersonValues>): Promise<{ version: number }> {
  const { input, tx } = context;
  const claimed = await claimPedigree(tx, input.familyId, input.version);
  const person = await personOf(tx, claimed.pedigree.id, input.personId);
  await tx.update(pedigreePersons).set({ fatherId: null }).where(and(eq(pedigreePersons.pedigreeId, claimed.pedigree.id), eq(pedigreePersons.fatherId, person.id)));
  await tx.update(pedigreePersons).set({ motherId: null }).where(and(eq(pedigreePersons.pedigreeId, claimed.pedigree.id), eq(pedigreePersons.motherId, person.id)));
  await tx.delete(pedigreePersons).where(and(eq(pedigreePersons.id, person.id), eq(pedigreePersons.pedigreeId, claimed.pedigree.id)));
  return checkAndAudit(context, "pedigree.removePerson", claimed);
}
