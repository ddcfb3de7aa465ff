import type { Genotype } from "../types";
import { PedigreeError } from "./structure";
import type { PedigreePerson, Sex } from "./types";

/** A reference of the old CLI form: a relationship to the missing person instead of parent links. */
export interface LegacyReference {
  id: string;
  relationship: "mother" | "father" | "full_sibling" | "child" | "half_sibling" | "grandparent" | "aunt_uncle" | "first_cousin" | "spouse";
  side?: "maternal" | "paternal";
  sex?: Sex;
  genotype: Readonly<Record<string, Genotype>>;
}

export const LEGACY_MISSING_ID = "missing person";

const NEEDS_SIDE = new Set(["half_sibling", "grandparent", "aunt_uncle", "first_cousin"]);

/**
 * The pedigree the old relationship labels describe, every reference placed (none dropped):
 * parents, siblings and children around the missing person (children share one other parent, the
 * spouse when one is given); grandparents, aunts/uncles, half siblings and cousins on the side
 * given, or the paternal side with a warning. Untyped people are added where the links need them.
 */
export function legacyPedigree(
  references: readonly LegacyReference[],
  /** The missing person's sex when the record knows it; otherwise guessed from a spouse (male without one). */
  knownMissingSex?: Sex,
): { persons: PedigreePerson[]; warnings: string[]; assumedSides: string[] } {
  const warnings: string[] = [];
  const assumedSides: string[] = [];
  const persons = new Map<string, PedigreePerson>();
  const typed = new Set(references.map((reference) => reference.id));
  for (const reference of references) {
    if (reference.id === LEGACY_MISSING_ID) throw new PedigreeError(`reference id "${LEGACY_MISSING_ID}" is reserved for the missing person`);
    if (persons.has(reference.id) || references.filter((other) => other.id === reference.id).length > 1) {
      throw new PedigreeError(`reference ${reference.id} appears twice`);
    }
  }
  const spouses = references.filter((reference) => reference.relationship === "spouse");
  const children = references.filter((reference) => reference.relationship === "child");
  if (spouses.length > 1 && children.length > 0) {
    throw new PedigreeError(`references ${spouses.map((spouse) => spouse.id).join(", ")} are all spouses: the relationship form cannot say whose children are whose; give a pedigree`);
  }
  const spouseSex = spouses[0]?.sex;
  const missingSex: Sex = knownMissingSex ?? (spouseSex === "male" ? "female" : "male");
  persons.set(LEGACY_MISSING_ID, { id: LEGACY_MISSING_ID, sex: missingSex });

  const add = (person: PedigreePerson) => {
    persons.set(person.id, { ...persons.get(person.id), ...person });
    return person.id;
  };
  const byRole = (relationship: LegacyReference["relationship"]) => references.filter((reference) => reference.relationship === relationship);
  for (const role of ["mother", "father"] as const) {
    const given = byRole(role);
    if (given.length > 1) throw new PedigreeError(`references ${given.map((reference) => reference.id).join(" and ")} are both the missing person's ${role}`);
  }
  /** The parent of `childId` in `role`, an untyped placeholder unless a reference already holds it. */
  const parentOf = (childId: string, role: "father" | "mother"): string => {
    const child = persons.get(childId);
    const existing = child?.[role];
    if (existing) return existing;
    const id = `${role} of ${childId}`;
    add({ id, sex: role === "father" ? "male" : "female" });
    persons.set(childId, { ...(child as PedigreePerson), [role]: id });
    return id;
  };
  const mother = byRole("mother")[0];
  if (mother) {
    add({ id: mother.id, sex: "female" });
    persons.set(LEGACY_MISSING_ID, { ...(persons.get(LEGACY_MISSING_ID) as PedigreePerson), mother: mother.id });
  }
  const father = byRole("father")[0];
  if (father) {
    add({ id: father.id, sex: "male" });
    persons.set(LEGACY_MISSING_ID, { ...(persons.get(LEGACY_MISSING_ID) as PedigreePerson), father: father.id });
  }
  const sideOf = (reference: LegacyReference): "father" | "mother" => {
    if (!reference.side) {
      warnings.push(`reference ${reference.id} (${reference.relationship}): no side given, the paternal side was assumed`);
      assumedSides.push(reference.id);
      return "father";
    }
    return reference.side === "maternal" ? "mother" : "father";
  };
  const spouse = spouses[0];
  for (const reference of spouses) add({ id: reference.id, sex: reference.sex ?? (missingSex === "male" ? "female" : "male") });
  for (const reference of references) {
    const sex = reference.sex ?? "female";
    switch (reference.relationship) {
      case "full_sibling":
        add({ id: reference.id, sex, father: parentOf(LEGACY_MISSING_ID, "father"), mother: parentOf(LEGACY_MISSING_ID, "mother") });
        break;
      case "child": {
        const partner = spouse?.id ?? add({ id: `partner of ${LEGACY_MISSING_ID}`, sex: missingSex === "male" ? "female" : "male" });
        const [fatherId, motherId] = missingSex === "male" ? [LEGACY_MISSING_ID, partner] : [partner, LEGACY_MISSING_ID];
        add({ id: reference.id, sex, father: fatherId, mother: motherId });
        break;
      }
      case "half_sibling": {
        const shared = sideOf(reference);
        const other = add({ id: `other parent of ${reference.id}`, sex: shared === "father" ? "female" : "male" });
        const parents = shared === "father" ? { father: parentOf(LEGACY_MISSING_ID, "father"), mother: other } : { father: other, mother: parentOf(LEGACY_MISSING_ID, "mother") };
        add({ id: reference.id, sex, ...parents });
        break;
      }
      case "grandparent": {
        const parent = parentOf(LEGACY_MISSING_ID, sideOf(reference));
        const holder = persons.get(parent) as PedigreePerson;
        const slot: "father" | "mother" | undefined = reference.sex
          ? reference.sex === "male" ? "father" : "mother"
          : !holder.father || !typed.has(holder.father) ? "father" : !holder.mother || !typed.has(holder.mother) ? "mother" : undefined;
        if (!slot || (holder[slot] && typed.has(holder[slot] ?? ""))) {
          throw new PedigreeError(`reference ${reference.id}: the ${reference.side ?? "paternal"} side has no free grandparent place`);
        }
        const placeholder = holder[slot];
        add({ id: reference.id, sex: slot === "father" ? "male" : "female" });
        persons.set(parent, { ...holder, [slot]: reference.id });
        if (placeholder) {
          // Children already hung on the placeholder (aunts, uncles) now belong to the reference.
          for (const person of persons.values()) if (person[slot] === placeholder) persons.set(person.id, { ...person, [slot]: reference.id });
          persons.delete(placeholder);
        }
        break;
      }
      case "aunt_uncle": {
        const parent = parentOf(LEGACY_MISSING_ID, sideOf(reference));
        add({ id: reference.id, sex, father: parentOf(parent, "father"), mother: parentOf(parent, "mother") });
        break;
      }
      case "first_cousin": {
        const parent = parentOf(LEGACY_MISSING_ID, sideOf(reference));
        const aunt = add({ id: `parent of ${reference.id}`, sex: "female", father: parentOf(parent, "father"), mother: parentOf(parent, "mother") });
        const uncle = add({ id: `other parent of ${reference.id}`, sex: "male" });
        add({ id: reference.id, sex, father: uncle, mother: aunt });
        break;
      }
      default:
        break;
    }
  }
  for (const reference of references) {
    if (!NEEDS_SIDE.has(reference.relationship) && reference.side) {
      warnings.push(`reference ${reference.id} (${reference.relationship}): "side" applies only to grandparents, aunts/uncles, half siblings and cousins and was ignored`);
    }
  }
  return { persons: [...persons.values()], warnings, assumedSides };
}
