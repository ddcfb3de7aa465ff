import { buildLocusAlleles, type LocusAlleles } from "./locus-alleles";
import type { Observation } from "./phenotype";
import { pruneUntypedLeaves, type IndexedPedigree } from "./structure";
import type { Genotype, MutationModel, PedigreeOptions } from "./types";

/** One hypothesis at one locus: the pedigree pruned of untyped leaves, and who carries the body's genotype. */
export interface PlannedHypothesis {
  pedigree: IndexedPedigree;
  /** Position (in the pruned pedigree) of the person who carries the body's genotype. */
  slot: number;
  slotId: string;
  /** The kept persons' ids and genotypes at the locus (null: untyped; the slot's is the body's, given per call). */
  ids: readonly string[];
  genotypes: readonly (Genotype | null)[];
  /** The references' observations per allele system (the slot left null), built once. */
  templates: Map<LocusAlleles, (Observation | null)[]>;
}

/** The allele system one genotype gets: each mutation model's, built once per system. */
export interface PlannedSystem {
  locus(mutation: MutationModel): LocusAlleles;
}

export interface LocusPlan {
  /**
   * Everything the locus's likelihoods read but the body's genotype and drop-out: the locus, the
   * references' alleles in the order the allele system reads them, and per hypothesis the pruned
   * pedigree's shape, who carries the body's genotype, and each kept person's genotype and drop-out.
   * Two families with the same signature give a body the same numbers (SharedLocusLikelihoods).
   */
  signature: string;
  h1: PlannedHypothesis;
  h2: PlannedHypothesis;
  system(genotype: Genotype): PlannedSystem;
  /** The observations of a hypothesis's kept persons, the slot showing `genotype` with its drop-out (`dropout` read for the slot only). */
  observations(hypothesis: PlannedHypothesis, locus: LocusAlleles, genotype: Genotype, dropout: Readonly<Record<string, number>>): (Observation | null)[];
}

/** One family's locus, both hypotheses and the references, as every per-locus computation of a family reads it. */
export interface FamilyLocusReferences {
  /** The pedigree under H1 (the missing person in place) and under H2 (plus the unrelated extra founder). */
  h1: IndexedPedigree;
  h2: IndexedPedigree;
  missing: string;
  unrelated: string;
  /** The references' profiles (everyone typed but the missing person). */
  others: readonly (readonly [string, Readonly<Record<string, Genotype>>])[];
  /** The references' drop-out (the body's is given per call). */
  dropout: Readonly<Record<string, number>>;
  locusName: string;
  options: PedigreeOptions;
}

export interface LocusPlanInput extends FamilyLocusReferences {
  table: ReadonlyMap<string, number>;
  /**
   * The frequency record `table` was made from (Object.entries, in its order), when allele systems
   * may be shared with every other family planned from that very record (sharedSystems).
   */
  record?: Readonly<Record<string, number>>;
}

/**
 * Allele systems shared between families, by the frequency record they were built from and the
 * mutation model (the very objects), then by everything else buildLocusAlleles reads (systemKey).
 * Bounded: cleared when it grows past SYSTEMS_KEPT (national scale meets some tens of thousands).
 */
const sharedSystems = new WeakMap<object, WeakMap<MutationModel, Map<string, LocusAlleles>>>();
const SYSTEMS_KEPT = 100_000;

/**
 * What buildLocusAlleles reads of the observed alleles, with one table: which of the table's alleles
 * are seen (a set: the explicit alleles are sorted), and the alleles the table lacks in order of
 * first sight (they join the population in that order, which decides the order of its sum).
 */
function systemKey(locusName: string, table: ReadonlyMap<string, number>, observed: readonly string[], minFrequency: number, silentFrequency: number): string {
  const inTable: string[] = [];
  const offTable: string[] = [];
  for (const allele of observed) {
    const list = table.has(allele) ? inTable : offTable;
    if (!list.includes(allele)) list.push(allele);
  }
  inTable.sort();
  return [locusName, minFrequency, silentFrequency, inTable.join("\u0000"), offTable.join("\u0000")].join("\u0001");
}

/**
 * What every genotype computation of one family at one locus shares (prepareLikelihoodRatio): which
 * persons are typed there does not depend on the body (the missing person, or under H2 the unrelated
 * extra founder, is always typed), so each hypothesis is pruned once; and the allele system depends
 * only on the alleles seen, so bodies whose genotypes add the same alleles to the references' (in
 * the same order, which decides the frequency table's order of summation) share it, with the
 * references' observations in it. Every number is the one the genotype would get on its own: the
 * same inputs reach the same functions.
 */
export function planLocus(input: LocusPlanInput): LocusPlan {
  const { locusName, others, table, options, dropout: referenceDropout } = input;
  const profileOf = new Map(others);
  const referenceAlleles = others.flatMap(([, profile]) => profile[locusName] ?? []);
  const referenceSet = new Set(referenceAlleles);
  const hypothesis = (pedigree: IndexedPedigree, slotId: string): PlannedHypothesis => {
    const genotypes = pedigree.ids.map((id) => (id === slotId ? null : (profileOf.get(id)?.[locusName] ?? null)));
    const typed = pedigree.ids.map((id, i) => id === slotId || genotypes[i] !== null);
    const { pedigree: pruned, kept } = pruneUntypedLeaves(pedigree, typed);
    return {
      pedigree: pruned,
      slot: kept.indexOf(pedigree.ids.indexOf(slotId)),
      slotId,
      ids: kept.map((i) => pedigree.ids[i] ?? ""),
      genotypes: kept.map((i) => genotypes[i] ?? null),
      templates: new Map(),
    };
  };
  const h1 = hypothesis(input.h1, input.missing);
  const h2 = hypothesis(input.h2, input.unrelated);
  const shape = (planned: PlannedHypothesis) =>
    [
      planned.pedigree.sexes.join(","),
      planned.pedigree.mother.join(","),
      planned.pedigree.father.join(","),
      planned.slot,
      planned.genotypes.map((genotype, i) => (genotype ? `${genotype.join("\u0000")}:${referenceDropout[planned.ids[i] ?? ""] ?? 0}` : "-")).join(","),
    ].join("|");
  const signature = [locusName, referenceAlleles.join("\u0000"), shape(h1), shape(h2)].join("\u0001");
  const systems = new Map<string, PlannedSystem>();
  // The genotype's distinct alleles in order of first sight, by number ([...new Set(genotype)], without the set and its spread).
  const visible = (genotype: Genotype, locus: LocusAlleles) => {
    const numbers: number[] = [];
    for (let at = 0; at < genotype.length; at += 1) {
      const allele = genotype[at] as string;
      if (genotype.indexOf(allele) === at) numbers.push(locus.index.get(allele) ?? -1);
    }
    return numbers;
  };
  return {
    signature,
    h1,
    h2,
    system(genotype) {
      // The body's alleles the references lack, in the body's order: with the references' alleles
      // they are everything buildLocusAlleles reads, in the order it reads them.
      const added: string[] = [];
      for (const allele of genotype) if (!referenceSet.has(allele) && !added.includes(allele)) added.push(allele);
      const key = added.join("\u0000");
      let system = systems.get(key);
      if (!system) {
        const observed = [...referenceAlleles, ...genotype];
        const byModel = new Map<MutationModel, LocusAlleles>();
        system = {
          locus(mutation) {
            let locus = byModel.get(mutation);
            if (!locus) {
              const settings = { minFrequency: options.minFrequency, silentFrequency: options.silentFrequencies?.[locusName] ?? 0, mutation };
              if (input.record) {
                let byMutation = sharedSystems.get(input.record);
                if (!byMutation) {
                  byMutation = new WeakMap();
                  sharedSystems.set(input.record, byMutation);
                }
                let systems = byMutation.get(mutation);
                if (!systems) {
                  systems = new Map();
                  byMutation.set(mutation, systems);
                }
                const key = systemKey(locusName, table, observed, settings.minFrequency, settings.silentFrequency);
                locus = systems.get(key);
                if (!locus) {
                  locus = buildLocusAlleles(locusName, table, observed, settings);
                  if (systems.size >= SYSTEMS_KEPT) systems.clear();
                  systems.set(key, locus);
                }
              } else locus = buildLocusAlleles(locusName, table, observed, settings);
              byModel.set(mutation, locus);
            }
            return locus;
          },
        };
        systems.set(key, system);
      }
      return system;
    },
    observations(hypothesis, locus, genotype, dropout) {
      let template = hypothesis.templates.get(locus);
      if (!template) {
        template = hypothesis.genotypes.map((known, i) => (known ? { visible: visible(known, locus), dropout: referenceDropout[hypothesis.ids[i] ?? ""] ?? 0 } : null));
        hypothesis.templates.set(locus, template);
      }
      const observations = template.slice();
      observations[hypothesis.slot] = { visible: visible(genotype, locus), dropout: dropout[hypothesis.slotId] ?? 0 };
      return observations;
    },
  };
}
