import type { ExplicitPedigree, Reference } from "./types";

/**
 * The references the screen's fast θ = 0 tables can rank a candidate by, read off the family's
 * explicit pedigree: typed parents, full siblings, and the children of one partner (with that
 * partner when typed) — the nuclear family the tables model. Children by another partner, and
 * relatives further out, are left to the exact LR, which uses everyone. An empty list makes the
 * screen pass every body on to the exact computation.
 */
export function rankingReferences(pedigree: ExplicitPedigree, missingId: string): Reference[] {
  const genotypes = new Map(pedigree.typed.map((person) => [person.id, person.genotype]));
  const missing = pedigree.persons.find((person) => person.id === missingId);
  if (!missing) return [];
  const references: Reference[] = [];
  const typed = (id: string | undefined) => (id === undefined ? undefined : genotypes.get(id));
  const motherGenotype = typed(missing.mother);
  if (missing.mother && motherGenotype) references.push({ id: missing.mother, relationship: "mother", genotype: motherGenotype });
  const fatherGenotype = typed(missing.father);
  if (missing.father && fatherGenotype) references.push({ id: missing.father, relationship: "father", genotype: fatherGenotype });
  for (const person of pedigree.persons) {
    const genotype = genotypes.get(person.id);
    if (!genotype || person.id === missingId || !missing.father || !missing.mother) continue;
    if (person.father === missing.father && person.mother === missing.mother) references.push({ id: person.id, relationship: "full_sibling", genotype });
  }
  const children = pedigree.persons.filter((person) => genotypes.has(person.id) && (person.father === missingId || person.mother === missingId));
  const partnerOf = (child: (typeof children)[number]) => (child.father === missingId ? child.mother : child.father) ?? "";
  const groups = new Map<string, typeof children>();
  for (const child of children) groups.set(partnerOf(child), [...(groups.get(partnerOf(child)) ?? []), child]);
  // The partner whose children tell most: a typed partner first, then the most typed children.
  const [partner, group] =
    [...groups.entries()].sort(([a, first], [b, second]) => Number(genotypes.has(b)) - Number(genotypes.has(a)) || second.length - first.length || a.localeCompare(b))[0] ?? [];
  for (const child of group ?? []) references.push({ id: child.id, relationship: "child", genotype: genotypes.get(child.id) ?? {} });
  const partnerGenotype = typed(partner);
  if (partner && partnerGenotype && (group ?? []).length > 0) references.push({ id: partner, relationship: "spouse", genotype: partnerGenotype });
  return references;
}
