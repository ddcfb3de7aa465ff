import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { families } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import type { Sex } from "@/lib/enum-values";
import { pedigreeFromLabels } from "./from-labels";
import { asStoredPerson, familyDonorsForPedigree, familyMissingPersons, relationshipLabels, storedPedigree } from "./pedigree-records";
import { pedigreeProblem, type PedigreeProblem } from "./validation";

const nameOf = (parts: { givenName: string; fatherName: string; grandfatherName: string; familyName: string }) =>
  [parts.givenName, parts.fatherName, parts.grandfatherName, parts.familyName].filter((part) => part.trim() !== "").join(" ");

export interface PedigreeViewPerson {
  id: string;
  kind: "donor" | "missing" | "untyped";
  /** A registered person's name, an untyped person's label ("" for a placeholder made from the labels). */
  name: string;
  caseNumber: string | null;
  sex: Sex;
  /** A donor with a usable STR profile. */
  typed: boolean;
  fatherId: string | null;
  motherId: string | null;
}

export interface PedigreeView {
  familyId: string;
  reference: string;
  voided: boolean;
  /** False: no pedigree is stored yet and this one is made from the relationship labels, as the screen makes it. */
  stored: boolean;
  /** The stored pedigree's version (0 when none is stored). */
  version: number;
  persons: PedigreeViewPerson[];
  /** Labels that could not be placed as they say. */
  warnings: { donor: string; missingPerson: string; relationship: string; side: string | null; reason: string }[];
  /** Donors and missing persons of the family not (yet) in the stored pedigree. */
  unplaced: { id: string; kind: "donor" | "missing"; name: string }[];
  problem: PedigreeProblem | null;
}

async function pedigreeViewQuery(db: Executor, familyId: string): Promise<PedigreeView | null> {
  if (!z.uuid().safeParse(familyId).success) return null;
  const [family] = await db.select({ id: families.id, reference: families.reference, voidedAt: families.voidedAt }).from(families).where(eq(families.id, familyId));
  if (!family) return null;
  const [missing, donors, stored] = await Promise.all([familyMissingPersons(db, familyId), familyDonorsForPedigree(db, familyId), storedPedigree(db, familyId)]);
  const missingById = new Map(missing.map((person) => [person.id, person]));
  const donorById = new Map(donors.map((donor) => [donor.id, donor]));
  const describe = (donorId: string | null, missingPersonId: string | null, label: string) => {
    const person = missingPersonId === null ? undefined : missingById.get(missingPersonId);
    if (person) return { kind: "missing" as const, name: nameOf(person), caseNumber: person.caseNumber, typed: false };
    const donor = donorId === null ? undefined : donorById.get(donorId);
    if (donor) return { kind: "donor" as const, name: nameOf(donor), caseNumber: null, typed: Boolean(donor.typed) };
    return { kind: "untyped" as const, name: label, caseNumber: null, typed: false };
  };
  const warningsOf = (list: readonly { donorId: string; missingPersonId: string; relationship: string; side: string | null; reason: string }[]) =>
    list.map((warning) => ({
      donor: donorById.get(warning.donorId) ? nameOf(donorById.get(warning.donorId) as (typeof donors)[number]) : warning.donorId,
      missingPerson: missingById.get(warning.missingPersonId)?.caseNumber ?? warning.missingPersonId,
      relationship: warning.relationship,
      side: warning.side,
      reason: warning.reason,
    }));
  const base = { familyId: family.id, reference: family.reference, voided: family.voidedAt !== null };
  if (stored) {
    const persons = stored.persons.map((row) => ({ id: row.id, ...describe(row.donorId, row.missingPersonId, row.label), sex: row.sex, fatherId: row.fatherId, motherId: row.motherId }));
    const placed = new Set(stored.persons.flatMap((row) => [row.donorId, row.missingPersonId]));
    return {
      ...base,
      stored: true,
      version: stored.pedigree.version,
      persons,
      warnings: warningsOf(stored.pedigree.placementWarnings),
      unplaced: [
        ...missing.filter((person) => !placed.has(person.id)).map((person) => ({ id: person.id, kind: "missing" as const, name: `${person.caseNumber} ${nameOf(person)}` })),
        ...donors.filter((donor) => !placed.has(donor.id)).map((donor) => ({ id: donor.id, kind: "donor" as const, name: nameOf(donor) })),
      ],
      problem: pedigreeProblem(stored.persons.map(asStoredPerson)),
    };
  }
  const labels = await relationshipLabels(db, donors.map((donor) => donor.id), missing.map((person) => person.id));
  const draft = pedigreeFromLabels(missing, donors, labels);
  return {
    ...base,
    stored: false,
    version: 0,
    persons: draft.persons.map((person) => ({ id: person.key, ...describe(person.donorId, person.missingPersonId, ""), sex: person.sex, fatherId: person.father, motherId: person.mother })),
    warnings: warningsOf(draft.warnings),
    unplaced: [],
    problem: null,
  };
}

/** A family's pedigree for its page (who is whose child, who is typed; never a genotype). */
export const readPedigreeView = defineRead("people.read", pedigreeViewQuery);
