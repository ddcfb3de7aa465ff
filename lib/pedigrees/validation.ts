import type { Sex as RecordSex } from "@/lib/enum-values";
import { indexPedigree, PedigreeError, type PedigreeFault } from "@/lib/kinship/pedigree/structure";
import type { PedigreePerson } from "@/lib/kinship/pedigree/types";

/** A stored person of a family's pedigree, as the checks and the engine need it. */
export interface StoredPedigreePerson {
  id: string;
  donorId: string | null;
  missingPersonId: string | null;
  sex: RecordSex;
  fatherId: string | null;
  motherId: string | null;
}

/** Why a pedigree cannot be saved: the fault and the people concerned (for a cycle, the path). */
export interface PedigreeProblem {
  fault: PedigreeFault | "parentSexUnknown";
  persons: string[];
}

/** The id a person has in the kinship engine: the donor's or missing person's own id, else the pedigree person's. */
export const engineId = (person: Pick<StoredPedigreePerson, "id" | "donorId" | "missingPersonId">): string => person.donorId ?? person.missingPersonId ?? person.id;

/**
 * The pedigree as lib/kinship/pedigree computes it. A person whose sex is not known can be nobody's
 * parent (pedigreeProblem refuses that), so the sex given them here changes no likelihood.
 */
export function toEnginePedigree(persons: readonly StoredPedigreePerson[]): PedigreePerson[] {
  const byId = new Map(persons.map((person) => [person.id, person]));
  const idOf = (id: string | null) => {
    const parent = id === null ? undefined : byId.get(id);
    return parent ? engineId(parent) : undefined;
  };
  return persons.map((person) => {
    const father = idOf(person.fatherId);
    const mother = idOf(person.motherId);
    return { id: engineId(person), sex: person.sex === "male" ? "male" : "female", ...(father ? { father } : {}), ...(mother ? { mother } : {}) };
  });
}

/**
 * The first fault of the pedigree, found by the engine's own checks (lib/kinship/pedigree/structure.ts:
 * a parent outside the pedigree, of the wrong sex, a person their own parent or ancestor), after
 * one of the registry's own: a person of unknown sex cannot be a father or mother. Ids in
 * `persons` are the pedigree persons' ids. Null when the pedigree is sound.
 */
export function pedigreeProblem(persons: readonly StoredPedigreePerson[]): PedigreeProblem | null {
  const byId = new Map(persons.map((person) => [person.id, person]));
  for (const person of persons) {
    for (const parentId of [person.fatherId, person.motherId]) {
      const parent = parentId === null ? undefined : byId.get(parentId);
      if (parent?.sex === "unknown") return { fault: "parentSexUnknown", persons: [person.id, parent.id] };
    }
  }
  const byEngineId = new Map(persons.map((person) => [engineId(person), person.id]));
  const engine = persons.map((person) => ({
    id: engineId(person),
    sex: person.sex === "male" ? "male" : "female",
    ...(person.fatherId ? { father: byId.has(person.fatherId) ? engineId(byId.get(person.fatherId) as StoredPedigreePerson) : person.fatherId } : {}),
    ...(person.motherId ? { mother: byId.has(person.motherId) ? engineId(byId.get(person.motherId) as StoredPedigreePerson) : person.motherId } : {}),
  })) as PedigreePerson[];
  try {
    indexPedigree(engine);
    return null;
  } catch (error) {
    if (!(error instanceof PedigreeError)) throw error;
    return { fault: error.fault, persons: error.persons.map((id) => byEngineId.get(id) ?? id) };
  }
}
