import type { DonorRelationship, RelationshipSide, Sex as RecordSex } from "@/lib/enum-values";
import { LEGACY_MISSING_ID, legacyPedigree, type LegacyReference } from "@/lib/kinship/pedigree/legacy-form";
import { indexPedigree, PedigreeError } from "@/lib/kinship/pedigree/structure";
import { KINSHIP_RELATIONSHIP } from "@/lib/kinship/registry-relationships";
import type { PedigreePerson, Sex } from "@/lib/kinship/pedigree/types";

/** One relationship label as donor_relationships holds it. */
export interface RelationshipLabel {
  donorId: string;
  missingPersonId: string;
  relationship: DonorRelationship;
  side: RelationshipSide | null;
}

export interface RegisteredPerson {
  id: string;
  sex: RecordSex;
}

/** A person of the pedigree made from the labels, keyed `d:<donor>`, `m:<missing person>` or `u:…` (untyped). */
export interface DraftPerson {
  key: string;
  donorId: string | null;
  missingPersonId: string | null;
  sex: RecordSex;
  father: string | null;
  mother: string | null;
}

/** A label that was not placed as it says (left out, or placed on an assumed side). */
export interface LabelWarning extends RelationshipLabel {
  reason: string;
}

/** Closest first, so that a label which contradicts the others is the one left out. */
const PRIORITY: readonly DonorRelationship[] = [
  "mother",
  "father",
  "spouse",
  "full_sibling",
  "child",
  "maternal_half_sibling",
  "paternal_half_sibling",
  "grandparent",
  "aunt_uncle",
  "cousin",
];

const knownSex = (sex: RecordSex): Sex | undefined => (sex === "unknown" ? undefined : sex);
const isUntyped = (key: string) => key.startsWith("u:");

function toLegacy(label: RelationshipLabel, donors: ReadonlyMap<string, RegisteredPerson>): LegacyReference {
  const sex = knownSex(donors.get(label.donorId)?.sex ?? "unknown");
  const side =
    label.relationship === "maternal_half_sibling" ? "maternal" : label.relationship === "paternal_half_sibling" ? "paternal" : (label.side ?? undefined);
  return { id: label.donorId, relationship: KINSHIP_RELATIONSHIP[label.relationship], ...(side ? { side } : {}), ...(sex ? { sex } : {}), genotype: {} };
}

type Edge = { child: string; role: "father" | "mother"; parent: string };

/**
 * Parent links merged over every missing person's layer: an untyped placeholder ("father of X")
 * is one person with whoever else holds the same place, a registered person is only ever
 * themselves. Null when two registered people claim one place.
 */
function mergeEdges(edges: readonly Edge[]): { parents: Map<string, { father?: string; mother?: string }>; aliased: Set<string> } | null {
  const alias = new Map<string, string>();
  const find = (key: string): string => {
    let current = key;
    for (let next = alias.get(current); next !== undefined; next = alias.get(current)) current = next;
    return current;
  };
  for (;;) {
    const parents = new Map<string, { father?: string; mother?: string }>();
    let merged = false;
    for (const edge of edges) {
      const child = find(edge.child);
      const parent = find(edge.parent);
      const slots = parents.get(child) ?? {};
      const held = slots[edge.role];
      if (held === undefined || held === parent) {
        parents.set(child, { ...slots, [edge.role]: parent });
        continue;
      }
      if (isUntyped(held)) alias.set(held, parent);
      else if (isUntyped(parent)) alias.set(parent, held);
      else return null;
      merged = true;
      break;
    }
    if (!merged) return { parents, aliased: new Set(alias.keys()) };
  }
}

interface Merged {
  sexes: Map<string, Sex>;
  edges: Edge[];
}

function layerOf(missingPerson: RegisteredPerson, index: number, labels: readonly RelationshipLabel[], donors: ReadonlyMap<string, RegisteredPerson>) {
  const warnings: LabelWarning[] = [];
  const accepted: RelationshipLabel[] = [];
  // Between two labels of one kind, the donor registered first (the order of `donors`) keeps the place.
  const registered = [...donors.keys()];
  const sorted = [...labels].sort(
    (a, b) => PRIORITY.indexOf(a.relationship) - PRIORITY.indexOf(b.relationship) || registered.indexOf(a.donorId) - registered.indexOf(b.donorId),
  );
  const missingSex = knownSex(missingPerson.sex);
  for (const label of sorted) {
    try {
      const { persons } = legacyPedigree([...accepted, label].map((item) => toLegacy(item, donors)), missingSex);
      indexPedigree(persons);
      const placed = persons.find((person) => person.id === label.donorId);
      const recorded = knownSex(donors.get(label.donorId)?.sex ?? "unknown");
      if (placed && recorded && placed.sex !== recorded) {
        throw new PedigreeError(`the donor is recorded as ${recorded}, the label needs a ${placed.sex} person`, "parentSex", [label.donorId]);
      }
      accepted.push(label);
    } catch (error) {
      if (!(error instanceof PedigreeError)) throw error;
      warnings.push({ ...label, reason: error.message });
    }
  }
  const { persons, assumedSides } = legacyPedigree(accepted.map((item) => toLegacy(item, donors)), missingSex);
  for (const label of accepted) {
    if (assumedSides.includes(label.donorId)) warnings.push({ ...label, reason: "no side recorded: placed on the paternal side" });
  }
  const keyOf = (id: string) => (id === LEGACY_MISSING_ID ? `m:${missingPerson.id}` : donors.has(id) && labels.some((label) => label.donorId === id) ? `d:${id}` : `u:${index}:${id}`);
  const layer: Merged = { sexes: new Map(), edges: [] };
  for (const person of persons) {
    layer.sexes.set(keyOf(person.id), person.sex);
    if (person.father) layer.edges.push({ child: keyOf(person.id), role: "father", parent: keyOf(person.father) });
    if (person.mother) layer.edges.push({ child: keyOf(person.id), role: "mother", parent: keyOf(person.mother) });
  }
  return { layer, accepted, warnings };
}

/** The merged persons as the engine checks them; throws PedigreeError when they do not form a pedigree. */
function assemble(merged: Merged): PedigreePerson[] {
  const result = mergeEdges(merged.edges);
  if (!result) throw new PedigreeError("two registered people hold the same parent's place");
  const persons = [...merged.sexes.keys()]
    .filter((key) => !result.aliased.has(key))
    .map((key) => ({ id: key, sex: merged.sexes.get(key) ?? "male", ...result.parents.get(key) }) as PedigreePerson);
  indexPedigree(persons);
  return persons;
}

/**
 * A family's pedigree from its relationship labels (each missing person's as lib/kinship's
 * legacyPedigree places them, merged: a donor who is two missing persons' mother is one person,
 * and the untyped placeholders of one place become one). Every registered donor and missing person
 * is in it; a label that contradicts the others (a second mother) or whose missing person's
 * labels clash with another's is left out and returned as a warning, never dropped silently.
 */
export function pedigreeFromLabels(
  missingPersons: readonly RegisteredPerson[],
  donors: readonly RegisteredPerson[],
  labels: readonly RelationshipLabel[],
): { persons: DraftPerson[]; warnings: LabelWarning[] } {
  const donorById = new Map(donors.map((donor) => [donor.id, donor]));
  const warnings: LabelWarning[] = [];
  let merged: Merged = { sexes: new Map(), edges: [] };
  missingPersons.forEach((missingPerson, index) => {
    const own = labels.filter((label) => label.missingPersonId === missingPerson.id && donorById.has(label.donorId));
    const { layer, accepted, warnings: layerWarnings } = layerOf(missingPerson, index, own, donorById);
    const candidate: Merged = { sexes: new Map([...layer.sexes, ...merged.sexes]), edges: [...merged.edges, ...layer.edges] };
    try {
      assemble(candidate);
      merged = candidate;
      warnings.push(...layerWarnings);
    } catch (error) {
      if (!(error instanceof PedigreeError)) throw error;
      const reason = `does not fit with the labels of the family's other missing persons (${error.message})`;
      warnings.push(...layerWarnings.filter((warning) => !accepted.includes(warning)), ...accepted.map((label) => ({ ...label, reason })));
    }
  });
  const persons = assemble(merged);
  const parentKeys = new Set(persons.flatMap((person) => [person.father, person.mother].filter((key): key is string => key !== undefined)));
  const drafts = new Map<string, DraftPerson>();
  const recordSex = (key: string): RecordSex => {
    const [kind, id = ""] = key.split(/:(.*)/s);
    const record = kind === "d" ? donorById.get(id) : missingPersons.find((person) => person.id === id);
    return record?.sex ?? "unknown";
  };
  for (const person of persons) {
    const [kind, id = ""] = person.id.split(/:(.*)/s);
    // A registered person's sex is the record's; a parent's place fixes it when the record does not know.
    const sex = isUntyped(person.id) || parentKeys.has(person.id) ? person.sex : recordSex(person.id);
    drafts.set(person.id, {
      key: person.id,
      donorId: kind === "d" ? id : null,
      missingPersonId: kind === "m" ? id : null,
      sex: recordSex(person.id) === "unknown" ? sex : recordSex(person.id),
      father: person.father ?? null,
      mother: person.mother ?? null,
    });
  }
  for (const missingPerson of missingPersons) {
    const key = `m:${missingPerson.id}`;
    if (!drafts.has(key)) drafts.set(key, { key, donorId: null, missingPersonId: missingPerson.id, sex: missingPerson.sex, father: null, mother: null });
  }
  for (const donor of donors) {
    const key = `d:${donor.id}`;
    if (!drafts.has(key)) drafts.set(key, { key, donorId: donor.id, missingPersonId: null, sex: donor.sex, father: null, mother: null });
  }
  return { persons: [...drafts.values()], warnings };
}
