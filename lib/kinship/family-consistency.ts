import { LEGACY_MISSING_ID, legacyPedigree } from "./pedigree/legacy-form";
import { pedigreeLikelihood } from "./pedigree/likelihood";
import { buildLocusAlleles } from "./pedigree/locus-alleles";
import { indexPedigree, PedigreeError, pruneUntypedLeaves, type IndexedPedigree } from "./pedigree/structure";
import { NO_MUTATION } from "./pedigree/types";
import type { ExplicitPedigree, Reference } from "./types";

export interface FamilyConsistency {
  /** Why the relatives cannot be placed in one pedigree (two mothers, …); null when they can. */
  placementProblem: string | null;
  /** Loci where the relatives contradict one another without a mutation, whoever the missing person is. */
  inconsistentLoci: { locus: string; relatives: string[][] }[];
}

/** More typed relatives at one locus than this are not searched for the smallest contradicting groups. */
const MAX_SEARCHED = 10;

function possible(pedigree: IndexedPedigree, references: readonly Reference[], locus: string): boolean {
  const observed = references.flatMap((reference) => reference.genotype[locus] ?? []);
  const labels = [...new Set(observed)];
  // Without mutation and at θ = 0 whether a family is possible does not depend on the frequencies.
  const table = new Map(labels.map((allele) => [allele, 1 / (labels.length + 1)]));
  const alleles = buildLocusAlleles(locus, table, observed, { minFrequency: 1 / (labels.length + 1), silentFrequency: 0, mutation: NO_MUTATION });
  const byId = new Map(references.map((reference) => [reference.id, reference.genotype[locus]]));
  const observations = pedigree.ids.map((id) => {
    const genotype = byId.get(id);
    return genotype ? { visible: [...new Set(genotype)].map((allele) => alleles.index.get(allele) ?? -1), dropout: 0 } : null;
  });
  const { pedigree: pruned, kept } = pruneUntypedLeaves(pedigree, observations.map((observation) => observation !== null));
  return pedigreeLikelihood(pruned, kept.map((i) => observations[i] ?? null), alleles, 0) > 0;
}

function subsetsOfSize<T>(items: readonly T[], size: number, start = 0): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  for (let i = start; i <= items.length - size; i += 1) {
    for (const rest of subsetsOfSize(items, size - 1, i + 1)) out.push([items[i] as T, ...rest]);
  }
  return out;
}

/** The smallest groups of relatives that cannot all be right at this locus (every group of that size that fails). */
function contradictingGroups(pedigree: IndexedPedigree, typed: readonly Reference[], locus: string): string[][] {
  if (typed.length > MAX_SEARCHED) return [typed.map((reference) => reference.id)];
  for (let size = 2; size <= typed.length; size += 1) {
    const failing = subsetsOfSize(typed, size).filter((group) => !possible(pedigree, group, locus));
    if (failing.length > 0) return failing.map((group) => group.map((reference) => reference.id));
  }
  return [];
}

/**
 * Whether a reference family is consistent within itself (Mendel's laws, no mutation), judged in
 * the pedigree its relationship labels and sides describe, with the missing person untyped. A
 * family that fails is the family's fault (a swapped sample, a wrong relationship), not evidence
 * about any body: the screen leaves it out until it is corrected.
 */
export function familyConsistency(references: readonly Reference[], explicit?: ExplicitPedigree): FamilyConsistency {
  let pedigree: IndexedPedigree;
  if (explicit) {
    // In an explicit pedigree the typed persons are its donors; their labels play no part.
    const placed = new Set(explicit.persons.map((person) => person.id));
    const typed = explicit.typed.filter((person) => placed.has(person.id)).map((person) => ({ id: person.id, relationship: "spouse" as const, genotype: person.genotype }));
    try {
      pedigree = indexPedigree(explicit.persons);
    } catch (error) {
      if (!(error instanceof PedigreeError)) throw error;
      return { placementProblem: error.message, inconsistentLoci: [] };
    }
    return inconsistencies(pedigree, typed);
  }
  try {
    pedigree = indexPedigree(legacyPedigree(references).persons);
  } catch (error) {
    if (!(error instanceof PedigreeError)) throw error;
    return { placementProblem: error.message, inconsistentLoci: [] };
  }
  return inconsistencies(pedigree, references);
}

function inconsistencies(pedigree: IndexedPedigree, references: readonly Reference[]): FamilyConsistency {
  const loci = [...new Set(references.flatMap((reference) => Object.keys(reference.genotype)))].sort();
  const inconsistentLoci: FamilyConsistency["inconsistentLoci"] = [];
  for (const locus of loci) {
    const typed = references.filter((reference) => reference.genotype[locus] && reference.id !== LEGACY_MISSING_ID);
    if (typed.length < 2 || possible(pedigree, typed, locus)) continue;
    inconsistentLoci.push({ locus, relatives: contradictingGroups(pedigree, typed, locus) });
  }
  return { placementProblem: null, inconsistentLoci };
}
