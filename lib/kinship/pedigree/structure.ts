import type { PedigreePerson } from "./types";

/** What is wrong with a pedigree, for a caller that words the fault in its own language. */
export type PedigreeFault = "duplicate" | "ownParent" | "unknownParent" | "parentSex" | "ownAncestor" | "other";

/**
 * A pedigree that cannot be computed: the message names the fault (in English, for the command);
 * `fault` and `persons` (the ids concerned, for a cycle the path) let the application translate it.
 */
export class PedigreeError extends Error {
  constructor(
    message: string,
    readonly fault: PedigreeFault = "other",
    readonly persons: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The pedigree with parents as positions; -1 for an unknown parent. Parents come before children. */
export interface IndexedPedigree {
  ids: string[];
  sexes: ("male" | "female")[];
  mother: number[];
  father: number[];
}

/**
 * Checks the pedigree (unique ids, known parents of the right sex, nobody their own ancestor) and
 * orders it so that every parent precedes its children. The order of the input does not matter.
 */
export function indexPedigree(persons: readonly PedigreePerson[]): IndexedPedigree {
  const byId = new Map<string, PedigreePerson>();
  for (const person of persons) {
    if (byId.has(person.id)) throw new PedigreeError(`person ${person.id} appears twice in the pedigree`, "duplicate", [person.id]);
    byId.set(person.id, person);
  }
  for (const person of persons) {
    for (const [role, sex] of [["father", "male"], ["mother", "female"]] as const) {
      const parentId = person[role];
      if (parentId === undefined) continue;
      if (parentId === person.id) throw new PedigreeError(`person ${person.id} is their own ${role}`, "ownParent", [person.id]);
      const parent = byId.get(parentId);
      if (!parent) throw new PedigreeError(`person ${person.id}: ${role} ${parentId} is not in the pedigree`, "unknownParent", [person.id, parentId]);
      if (parent.sex !== sex) throw new PedigreeError(`person ${person.id}: ${role} ${parentId} is ${parent.sex}, a ${role} must be ${sex}`, "parentSex", [person.id, parentId]);
    }
  }
  // Depth-first: a person is placed after both parents; meeting a person still open is a cycle.
  const sorted = [...byId.keys()].sort();
  const state = new Map<string, "open" | "done">();
  const order: string[] = [];
  const visit = (id: string, path: string[]) => {
    const seen = state.get(id);
    if (seen === "done") return;
    if (seen === "open") {
      const cycle = [...path.slice(path.indexOf(id)), id];
      throw new PedigreeError(`person ${id} is their own ancestor (${cycle.join(" → ")})`, "ownAncestor", cycle);
    }
    state.set(id, "open");
    const person = byId.get(id);
    for (const parent of [person?.father, person?.mother]) if (parent !== undefined) visit(parent, [...path, id]);
    state.set(id, "done");
    order.push(id);
  };
  for (const id of sorted) visit(id, []);
  const position = new Map(order.map((id, i) => [id, i]));
  const at = (id: string | undefined) => (id === undefined ? -1 : (position.get(id) ?? -1));
  return {
    ids: order,
    sexes: order.map((id) => byId.get(id)?.sex ?? "male"),
    mother: order.map((id) => at(byId.get(id)?.mother)),
    father: order.map((id) => at(byId.get(id)?.father)),
  };
}

/**
 * Drops untyped people without children, repeatedly. Exact: their alleles sum out to one, and a
 * founder's alleles leave the joint θ draw of the others unchanged (the draw is exchangeable).
 */
export function pruneUntypedLeaves(pedigree: IndexedPedigree, typed: readonly boolean[]): { pedigree: IndexedPedigree; kept: number[] } {
  const keep = pedigree.ids.map(() => true);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < keep.length; i += 1) {
      if (!keep[i] || typed[i]) continue;
      const hasChild = pedigree.ids.some((_, c) => keep[c] && (pedigree.mother[c] === i || pedigree.father[c] === i));
      if (!hasChild) {
        keep[i] = false;
        changed = true;
      }
    }
  }
  const kept = pedigree.ids.flatMap((_, i) => (keep[i] ? [i] : []));
  const newIndex = new Map(kept.map((old, i) => [old, i]));
  const remap = (old: number) => (old < 0 ? -1 : (newIndex.get(old) ?? -1));
  return {
    kept,
    pedigree: {
      ids: kept.map((i) => pedigree.ids[i] ?? ""),
      sexes: kept.map((i) => pedigree.sexes[i] ?? "male"),
      mother: kept.map((i) => remap(pedigree.mother[i] ?? -1)),
      father: kept.map((i) => remap(pedigree.father[i] ?? -1)),
    },
  };
}
