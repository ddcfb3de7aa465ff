import type { CodedProfile } from "./coded-profiles";
import { pedigreeLikelihood } from "./likelihood";
import { planLocus, type LocusPlan, type PlannedSystem } from "./locus-plan";
import type { SharedLocusLikelihoods, SignatureEntry } from "./shared-likelihoods";
import { prepareFamilyLocus, type ExpectedProfiles, type FamilyLocus } from "./family-locus";
import { OutcomesByGenotype } from "./outcomes-by-genotype";
import { indexPedigree, PedigreeError } from "./structure";
import { NO_MUTATION, type Genotype, type PedigreeCase, type PedigreeOptions, type PedigreePerson, type PedigreeResult } from "./types";

export type FrequencyInput = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * A locus's frequency record as the Map buildLocusAlleles reads (it copies it, never changes it),
 * made once per record object: every family of a run reads the same records.
 */
const tableMapsByRecord = new WeakMap<Readonly<Record<string, number>>, ReadonlyMap<string, number>>();
function tableMapOf(record: Readonly<Record<string, number>>): ReadonlyMap<string, number> {
  let map = tableMapsByRecord.get(record);
  if (!map) {
    map = new Map(Object.entries(record));
    tableMapsByRecord.set(record, map);
  }
  return map;
}

/** Under H2 the missing person is this extra founder, unrelated to everyone. */
const UNRELATED = "\u0000unrelated missing person";

function checkCase(input: PedigreeCase): void {
  const ids = new Set(input.persons.map((person) => person.id));
  if (!ids.has(input.missing)) throw new PedigreeError(`the missing person ${input.missing} is not in the pedigree`);
  for (const id of Object.keys(input.profiles)) if (!ids.has(id)) throw new PedigreeError(`profile for unknown person ${id}`);
  for (const [id, d] of Object.entries(input.dropout ?? {})) {
    if (!ids.has(id)) throw new PedigreeError(`drop-out for unknown person ${id}`);
    if (!(d >= 0 && d < 1)) throw new PedigreeError(`drop-out of ${id} must lie in [0, 1), got ${d}`);
  }
}

/** One locus of one comparison: its ratio (null when the references contradict one another), whether it needs a mutation, and what it warned of. */
export interface LocusOutcome {
  ratio: number | null;
  inconsistent: boolean;
  warnings: string[];
}

/** A pedigree made ready for many missing-person profiles (prepareLikelihoodRatio). */
export type PreparedLikelihoodRatio = ((
  missingProfile: Readonly<Record<string, Genotype>>,
  missingDropout?: number,
  /** False when the caller needs only the LR: inconsistentLoci is then left empty. */
  countInconsistent?: boolean,
) => PedigreeResult) & {
  /**
   * The same question (the family's own drop-out for the missing person, inconsistency counted)
   * answered with its LR and inconsistent loci alone: the very numbers of the full answer (the same
   * outcomes multiplied in the same order), without its per-locus record, log10 and warnings, which
   * the DVI layer made and dropped for every one of its millions of pairs.
   */
  lrAndInconsistent(missingProfile: Readonly<Record<string, Genotype>>): LrAndInconsistent;
  /**
   * lrAndInconsistent of a coded profile (coded-profiles.ts): the same outcomes, multiplied in the
   * same order (the profile's own), found by the loci's and genotypes' numbers. A profile coded by
   * another numbering than the first one met is answered by lrAndInconsistent.
   */
  lrAndInconsistentCoded(missing: CodedProfile): LrAndInconsistent;
  /** The full answer (the family's own drop-out, inconsistency counted) of a coded profile: the numbers of calling it with the profile, found by number in the shared store. */
  fullCoded(missing: CodedProfile): PedigreeResult;
};

/** A shared entry's key for one body genotype and drop-out ("" without an entry). */
function entryKey(entry: SignatureEntry | null, genotype: Genotype, dropout: Readonly<Record<string, number>>, missing: string): string {
  return entry ? `${genotype.join("\u0000")}\u0001${dropout[missing] ?? 0}\u0001${dropout[UNRELATED] ?? 0}` : "";
}

/** A (locus, genotype) pair of one numbering as one small integer (-1 past its range: found by key string instead). */
function codedKey(locus: number, genotype: number): number {
  return locus < 1 << 9 && genotype < 1 << 21 ? locus * (1 << 21) + genotype : -1;
}

/** What the DVI layer keeps of every pair. */
export interface LrAndInconsistent {
  lr: number;
  /** Read only: a pair with no inconsistent locus gets the one shared empty list (NO_LOCI). */
  inconsistentLoci: readonly string[];
}

/** The inconsistent loci of every pair that has none (most of the DVI layer's 1.4 M at national scale): one list, never written. */
const NO_LOCI: readonly string[] = Object.freeze([]);

/**
 * LR = P(profiles | H1) / P(profiles | H2), per locus and multiplied over loci. H1: the pedigree as
 * given. H2: the missing person's place is held by an untyped person of the same sex, and the
 * missing person is an extra founder, drawn with everyone else's founders under the same θ.
 * Compared: loci typed in the missing person and in at least one other person.
 *
 * Prepared once for a pedigree and its references, then asked for any number of missing-person
 * profiles (every body against one family): a locus's outcome depends on nothing but the missing
 * person's genotype and drop-out there, so bodies sharing a genotype at a locus share its
 * computation, and the product over loci is taken in the same order as for a single question.
 */
export function prepareLikelihoodRatio(
  base: PedigreeCase,
  frequencies: FrequencyInput,
  options: PedigreeOptions,
  /**
   * The missing-person profiles that will be asked (every candidate body of a family). A locus where
   * they show at least `minimumGenotypes` distinct genotypes is computed once for all of them, the
   * missing person's genes left open (family-locus.ts); the others, and any profile not announced,
   * one genotype at a time. Both are exact and agree up to rounding.
   */
  expected?: ExpectedProfiles,
  /** Locus likelihoods shared with other families computed with the same frequencies and options (shared-likelihoods.ts). */
  shared?: SharedLocusLikelihoods,
): PreparedLikelihoodRatio {
  checkCase(base);
  if (!(options.theta >= 0 && options.theta < 1)) throw new PedigreeError(`theta must lie in [0, 1), got ${options.theta}`);
  const missingPerson = base.persons.find((person) => person.id === base.missing) as PedigreePerson;
  const h1 = indexPedigree(base.persons);
  const h2 = indexPedigree([...base.persons, { id: UNRELATED, sex: missingPerson.sex }]);
  const others = Object.entries(base.profiles).filter(([id]) => id !== base.missing);
  const baseDropout = { ...(base.dropout ?? {}) };
  const families = new Map<string, FamilyLocus | null>();
  // Every other person's drop-out is the family's own; the missing person's (per body) is read per genotype.
  const familyLocus = (locusName: string): FamilyLocus | null => {
    if (!expected) return null;
    let family = families.get(locusName);
    if (family === undefined) {
      const table = frequencies[locusName];
      family = table
        ? prepareFamilyLocus({ h1, h2, missing: base.missing, unrelated: UNRELATED, others, dropout: baseDropout, locusName, table, options }, expected)
        : null;
      families.set(locusName, family);
    }
    return family;
  };

  // Each locus's table as the Map buildLocusAlleles reads (it copies it, never changes it).
  const tableMaps = new Map<string, ReadonlyMap<string, number>>();
  // What a locus's computations share whatever the missing person's genotype (locus-plan.ts).
  const plans = new Map<string, LocusPlan>();
  // Likelihoods shared with other families (read only when bound to these very frequencies and options).
  const crossFamily = shared && shared.frequencies === frequencies && shared.options === options ? shared : null;
  const sharedEntries = new Map<string, SignatureEntry | null>();
  function locusOutcome(
    locusName: string,
    genotype: Genotype,
    dropout: Readonly<Record<string, number>>,
    countInconsistent: boolean,
    /** The numbering of a coded profile and codedKey's number there (-1: none), when the missing person's drop-out is 0. */
    codedBy: object | null = null,
    code = -1,
  ): LocusOutcome {
    const table = frequencies[locusName];
    if (!table) throw new PedigreeError(`locus ${locusName} is missing from the frequency table`);
    let tableMap = tableMaps.get(locusName);
    if (!tableMap) {
      tableMap = tableMapOf(table);
      tableMaps.set(locusName, tableMap);
    }
    // Likelihoods read from the family's open-genes vectors only when asked to (ExpectedProfiles.likelihoods).
    if (expected?.likelihoods) {
      const fromVectors = familyLocus(locusName)?.outcome(genotype, dropout[base.missing] ?? 0, countInconsistent);
      if (fromVectors) return fromVectors;
    }
    let plan = plans.get(locusName);
    if (!plan) {
      // Allele systems shared with the run's other families only when the likelihoods are (the same record and options).
      plan = planLocus({ h1, h2, missing: base.missing, unrelated: UNRELATED, others, dropout: baseDropout, locusName, table: tableMap, options, record: crossFamily ? table : undefined });
      plans.set(locusName, plan);
      sharedEntries.set(locusName, crossFamily ? crossFamily.entry(plan.signature) : null);
    }
    const entry = sharedEntries.get(locusName) ?? null;
    // By number when the entry's numbering is this profile's (the first one met), else by key string.
    let numbered = -1;
    if (entry && code >= 0 && codedBy !== null) {
      entry.codedBy ??= codedBy;
      if (entry.codedBy === codedBy) numbered = code;
    }
    // A numbered question reads and fills the number-keyed maps alone, any other the string-keyed
    // ones: a genotype asked both ways is computed twice (the same numbers from the same inputs),
    // which happens to no pair of the DVI layer, whose every question is numbered (its rows' full
    // results too, fullCoded). Making, storing and hashing a key string per computation was most
    // of the cost of a store miss beside the arithmetic, and 870,000 strings kept to the end.
    // The key string only when it is read (no closure: this runs millions of times).
    let key: string | null = null;
    let system: PlannedSystem | null = null;
    let likelihoods = numbered >= 0 ? entry?.likelihoodsByCode.get(numbered) : entry?.likelihoods.get((key = entryKey(entry, genotype, dropout, base.missing)));
    if (!likelihoods) {
      system = plan.system(genotype);
      const locus = system.locus(options.mutation);
      likelihoods = {
        withMissing: pedigreeLikelihood(plan.h1.pedigree, plan.observations(plan.h1, locus, genotype, dropout), locus, options.theta),
        unrelated: pedigreeLikelihood(plan.h2.pedigree, plan.observations(plan.h2, locus, genotype, dropout), locus, options.theta),
        warnings: locus.warnings,
      };
      if (numbered >= 0) entry?.likelihoodsByCode.set(numbered, likelihoods);
      else entry?.likelihoods.set((key ??= entryKey(entry, genotype, dropout, base.missing)), likelihoods);
    }
    const { withMissing, unrelated } = likelihoods;
    const ratio = unrelated === 0 ? null : withMissing / unrelated;
    let inconsistent = false;
    if (ratio !== null && countInconsistent) {
      if (options.mutation.model === "none") inconsistent = ratio === 0;
      else {
        // Without mutation the locus is inconsistent when H1 is impossible and H2 is not; H2 is
        // computed only when H1 is impossible, which is rare. Whether a likelihood is 0 does not
        // depend on θ (θ < 1 leaves every founder allele of positive frequency a positive prior,
        // and one of frequency 0 none), so the test runs at θ = 0, without the joint founder sum.
        // Another family with this locus signature may have answered it (SignatureEntry); else a
        // family computed once for all its bodies answers the test from its own vectors.
        const known = numbered >= 0 ? entry?.inconsistentByCode.get(numbered) : entry?.inconsistent.get((key ??= entryKey(entry, genotype, dropout, base.missing)));
        if (known !== undefined) inconsistent = known;
        else {
          const fromVectors = familyLocus(locusName)?.inconsistent(genotype, dropout[base.missing] ?? 0) ?? null;
          if (fromVectors !== null) inconsistent = fromVectors;
          else {
            system ??= plan.system(genotype);
            const strictLocus = system.locus(NO_MUTATION);
            inconsistent =
              pedigreeLikelihood(plan.h1.pedigree, plan.observations(plan.h1, strictLocus, genotype, dropout), strictLocus, 0) === 0 &&
              pedigreeLikelihood(plan.h2.pedigree, plan.observations(plan.h2, strictLocus, genotype, dropout), strictLocus, 0) !== 0;
          }
          if (numbered >= 0) entry?.inconsistentByCode.set(numbered, inconsistent);
          else entry?.inconsistent.set((key ??= entryKey(entry, genotype, dropout, base.missing)), inconsistent);
        }
      }
    }
    return { ratio, inconsistent, warnings: likelihoods.warnings };
  }

  // Whether any reference is typed at a locus (the loci compared), asked once per locus name.
  const referencedLoci = new Map<string, boolean>();
  const referenced = (locus: string) => {
    let typed = referencedLoci.get(locus);
    if (typed === undefined) {
      typed = others.some(([, profile]) => profile[locus]);
      referencedLoci.set(locus, typed);
    }
    return typed;
  };
  // Outcomes by (the missing person's drop-out and whether inconsistency is counted), locus, genotype:
  // the DVI layer asks millions of loci, and one long key string per locus cost more than the lookup.
  const outcomesByVariant = new Map<string, Map<string, OutcomesByGenotype<LocusOutcome>>>();

  const checkDropout = (missingD: number | undefined) => {
    if (missingD !== undefined && !(missingD >= 0 && missingD < 1)) throw new PedigreeError(`drop-out of ${base.missing} must lie in [0, 1), got ${missingD}`);
  };
  /** The outcomes kept for one variant: the missing person's drop-out, and whether inconsistency is counted. */
  const outcomesOfVariant = (missingD: number | undefined, countInconsistent: boolean) => {
    const variant = `${missingD ?? 0}\u0000${countInconsistent}`;
    let outcomes = outcomesByVariant.get(variant);
    if (!outcomes) {
      outcomes = new Map();
      outcomesByVariant.set(variant, outcomes);
    }
    return outcomes;
  };
  /**
   * Every drop-out the computations read: the family's, with the missing person's (and the unrelated
   * stand-in's) as asked. Made once per drop-out asked (the computations only read it).
   */
  const dropouts = new Map<number | undefined, Readonly<Record<string, number>>>();
  const dropoutWith = (missingD: number | undefined) => {
    let dropout = dropouts.get(missingD);
    if (!dropout) {
      const made: Record<string, number> = { ...baseDropout };
      if (missingD !== undefined) {
        made[base.missing] = missingD;
        made[UNRELATED] = missingD;
      }
      dropout = made;
      dropouts.set(missingD, dropout);
    }
    return dropout;
  };
  /** A locus's outcome for the missing person's genotype there, computed the first time it is asked. */
  const keptOutcome = (
    outcomes: Map<string, OutcomesByGenotype<LocusOutcome>>,
    locusName: string,
    genotype: Genotype,
    missingD: number | undefined,
    countInconsistent: boolean,
    codedBy: object | null = null,
    code = -1,
  ): LocusOutcome => {
    let atLocus = outcomes.get(locusName);
    if (!atLocus) {
      atLocus = new OutcomesByGenotype();
      outcomes.set(locusName, atLocus);
    }
    let outcome = atLocus.get(genotype);
    if (!outcome) {
      outcome = locusOutcome(locusName, genotype, dropoutWith(missingD), countInconsistent, codedBy, code);
      atLocus.set(genotype, outcome);
    }
    return outcome;
  };
  // The lean answer's one variant: the family's own drop-out for the missing person, inconsistency counted.
  let leanOutcomes: Map<string, OutcomesByGenotype<LocusOutcome>> | null = null;

  const lrAndInconsistent = (missingProfile: Readonly<Record<string, Genotype>>): LrAndInconsistent => {
    const missingD = baseDropout[base.missing];
    checkDropout(missingD);
    leanOutcomes ??= outcomesOfVariant(missingD, true);
    let lr = 1;
    const inconsistentLoci: string[] = [];
    for (const locusName of Object.keys(missingProfile)) {
      if (!referenced(locusName)) continue;
      const outcome = keptOutcome(leanOutcomes, locusName, missingProfile[locusName] as Genotype, missingD, true);
      if (outcome.ratio === null) continue;
      lr *= outcome.ratio;
      if (outcome.inconsistent) inconsistentLoci.push(locusName);
    }
    return { lr, inconsistentLoci };
  };

  // The lean outcomes again, by locus number and genotype number, in the numbering's one table
  // (GenotypeCodes.outcomeSpace), taken over by this family when another had it.
  const owner = {};
  const lrAndInconsistentCoded = (missing: CodedProfile): LrAndInconsistent => {
    const { names, loci, genotypes, profile, codes } = missing;
    const space = codes.outcomeSpace(owner);
    const missingD = baseDropout[base.missing];
    checkDropout(missingD);
    let lr = 1;
    let inconsistentLoci: string[] | null = null;
    const { offsets, state, ratio, referenced: referencedByCode } = space;
    for (let at = 0; at < loci.length; at += 1) {
      const locus = loci[at] as number;
      const locusName = names[at] as string;
      if (referencedByCode[locus] === -1) referencedByCode[locus] = referenced(locusName) ? 1 : 0;
      if (referencedByCode[locus] === 0) continue;
      const entry = (offsets[locus] as number) + (genotypes[at] as number);
      let known = state[entry] as number;
      if (known === 0) {
        const outcome = locusOutcome(locusName, profile[locusName] as Genotype, dropoutWith(missingD), true, codes, (missingD ?? 0) === 0 ? codedKey(locus, genotypes[at] as number) : -1);
        known = outcome.ratio === null ? 3 : outcome.inconsistent ? 2 : 1;
        state[entry] = known;
        ratio[entry] = outcome.ratio ?? 0;
      }
      if (known === 3) continue;
      lr *= ratio[entry] as number;
      if (known === 2) (inconsistentLoci ??= []).push(locusName);
    }
    return { lr, inconsistentLoci: inconsistentLoci ?? NO_LOCI };
  };

  /** The full answer; with `coded` (missingProfile's own coding), each locus's outcome found in the shared store by number. */
  const answer = (missingProfile: Readonly<Record<string, Genotype>>, missingDropout: number | undefined, countInconsistent: boolean, coded: CodedProfile | null): PedigreeResult => {
    const missingD = missingDropout ?? baseDropout[base.missing];
    checkDropout(missingD);
    const outcomes = outcomesOfVariant(missingD, countInconsistent);
    const result: PedigreeResult = { lr: 1, log10Lr: 0, loci: {}, inconsistentLoci: [], referenceInconsistentLoci: [], warnings: [] };
    const names = coded ? coded.names : Object.keys(missingProfile);
    for (let at = 0; at < names.length; at += 1) {
      const locusName = names[at] as string;
      if (!referenced(locusName)) continue;
      const code = coded && (missingD ?? 0) === 0 ? codedKey(coded.loci[at] as number, coded.genotypes[at] as number) : -1;
      const outcome = keptOutcome(outcomes, locusName, missingProfile[locusName] as Genotype, missingD, countInconsistent, coded?.codes ?? null, code);
      for (const warning of outcome.warnings) if (!result.warnings.includes(warning)) result.warnings.push(warning);
      if (outcome.ratio === null) {
        result.referenceInconsistentLoci.push(locusName);
        result.warnings.push(`${locusName}: the references contradict one another whoever the missing person is; the locus is left out`);
        continue;
      }
      result.loci[locusName] = outcome.ratio;
      result.lr *= outcome.ratio;
      result.log10Lr += Math.log10(outcome.ratio);
      if (outcome.inconsistent) result.inconsistentLoci.push(locusName);
    }
    return result;
  };
  const full = (missingProfile: Readonly<Record<string, Genotype>>, missingDropout?: number, countInconsistent = true): PedigreeResult =>
    answer(missingProfile, missingDropout, countInconsistent, null);
  const fullCoded = (missing: CodedProfile): PedigreeResult => answer(missing.profile, undefined, true, missing);
  return Object.assign(full, { lrAndInconsistent, lrAndInconsistentCoded, fullCoded });
}

/** One question: prepareLikelihoodRatio asked once. */
export function pedigreeLikelihoodRatio(
  input: PedigreeCase,
  frequencies: FrequencyInput,
  options: PedigreeOptions,
  /** False when the caller needs only the LR: inconsistentLoci is then left empty (a simulation without mutation has none). */
  countInconsistent = true,
): PedigreeResult {
  const missingProfile = input.profiles[input.missing] ?? {};
  const others = Object.fromEntries(Object.entries(input.profiles).filter(([id]) => id !== input.missing));
  return prepareLikelihoodRatio({ ...input, profiles: others }, frequencies, options)(missingProfile, input.dropout?.[input.missing], countInconsistent);
}
