import type { FrequencyTable } from "./frequencies";
import { LEGACY_MISSING_ID, legacyPedigree } from "./pedigree/legacy-form";
import type { CodedProfile } from "./pedigree/coded-profiles";
import type { ExpectedProfiles } from "./pedigree/family-locus";
import { prepareLikelihoodRatio, type FrequencyInput, type LrAndInconsistent, type PreparedLikelihoodRatio } from "./pedigree/ratio";
import { SharedLocusLikelihoods } from "./pedigree/shared-likelihoods";
import { PedigreeError } from "./pedigree/structure";
import { NO_MUTATION, type MutationModel, type PedigreeResult } from "./pedigree/types";
import type { NuclearFamilyAtLocus } from "./nuclear-family";
import { KAPPA } from "./single-reference";
import type { ExplicitPedigree, Genotype, KinshipOptions, Profile, Reference, Relationship } from "./types";

const NUCLEAR: ReadonlySet<Relationship> = new Set(["mother", "father", "full_sibling", "child"]);

/** The engine's answer (warnings: assumptions made in placing the references, and faults), and how it was placed. */
export interface KinshipResult extends PedigreeResult {
  /** Every reference placed in the pedigree (none is dropped; empty when the pedigree could not be built). */
  usedReferences: string[];
  /** References placed on the paternal side because the record gives no side. */
  assumedSides: string[];
  /** Why the references could not be placed in one pedigree (two mothers, …); null when they were. */
  placementProblem: string | null;
  mutation: MutationModel;
}

/** The mutation model an LR is computed with: the normalised proportional model at the given rate. */
export function mutationModelFor(options: KinshipOptions): MutationModel {
  return options.mutationRate === 0 ? NO_MUTATION : { model: "proportional", femaleRate: options.mutationRate, maleRate: options.mutationRate };
}

export function tableData(table: FrequencyTable): FrequencyInput {
  return Object.fromEntries(table.locusNames().map((locus) => [locus, Object.fromEntries(table.allelesAt(locus))]));
}

/** Many families computed against one table with one set of options (the DVI layer), sharing locus likelihoods. */
export interface KinshipFamilies {
  table: FrequencyTable;
  options: KinshipOptions;
  likelihoods: SharedLocusLikelihoods;
}

/** prepareKinship's `families` for this table and these options (the very objects it will be given). */
export function shareBetweenFamilies(table: FrequencyTable, options: KinshipOptions): KinshipFamilies {
  const pedigreeOptions = { theta: options.theta, mutation: mutationModelFor(options), minFrequency: table.minFrequency };
  return { table, options, likelihoods: new SharedLocusLikelihoods(tableData(table), pedigreeOptions) };
}

/**
 * The exact likelihood ratio (lib/kinship/pedigree, docs/KINSHIP.md) of the references, placed in a
 * pedigree by their relationship labels (or in the family's explicit pedigree), with θ at every
 * locus. A reference family that cannot be placed (two mothers, …) gives no number (NaN) and says
 * why in warnings.
 */
export function computeKinship(
  table: FrequencyTable,
  missing: Profile,
  references: readonly Reference[],
  options: KinshipOptions,
  /** The family's explicit pedigree with the missing person as `missingId`: used instead of the labels. */
  explicit?: { pedigree: ExplicitPedigree; missingId: string },
): KinshipResult {
  return prepareKinship(table, references, options, explicit)(missing);
}

const unplaceable = (message: string, mutation: MutationModel): KinshipResult => ({
  lr: Number.NaN,
  log10Lr: Number.NaN,
  loci: {},
  inconsistentLoci: [],
  referenceInconsistentLoci: [],
  warnings: [message],
  usedReferences: [],
  assumedSides: [],
  placementProblem: message,
  mutation,
});

/**
 * computeKinship made ready for one family and asked for any number of missing-person profiles
 * (the DVI layer's every body against one family): the pedigree is placed once and each locus
 * computed once per distinct genotype (prepareLikelihoodRatio).
 */
export function prepareKinship(
  table: FrequencyTable,
  references: readonly Reference[],
  options: KinshipOptions,
  explicit?: { pedigree: ExplicitPedigree; missingId: string },
  /** The profiles that will be asked, when known (prepareLikelihoodRatio's `expected`). */
  expected?: ExpectedProfiles,
  /** Locus likelihoods shared with the other families of a run (used only when made for this table and these options). */
  families?: KinshipFamilies,
): PreparedKinship {
  const shared = families && families.table === table && families.options === options ? families.likelihoods : undefined;
  const mutation = shared ? shared.options.mutation : mutationModelFor(options);
  const pedigreeOptions = shared ? shared.options : { theta: options.theta, mutation, minFrequency: table.minFrequency };
  const frequencies = () => (shared ? shared.frequencies : tableData(table));
  let prepared: { ratio: PreparedLikelihoodRatio; warnings: string[]; assumedSides: string[]; used: string[] };
  try {
    if (explicit) {
      // Every typed person of the explicit pedigree is used, and named.
      const typed = explicit.pedigree.typed.filter((person) => person.id !== explicit.missingId && explicit.pedigree.persons.some((placed) => placed.id === person.id));
      const profiles = Object.fromEntries(typed.map((person) => [person.id, person.genotype] as const));
      const ratio = prepareLikelihoodRatio({ persons: explicit.pedigree.persons, missing: explicit.missingId, profiles }, frequencies(), pedigreeOptions, expected, shared);
      prepared = { ratio, warnings: [], assumedSides: [], used: typed.map((person) => person.id) };
    } else {
      const { persons, warnings, assumedSides } = legacyPedigree(references);
      const profiles = Object.fromEntries(references.map((reference) => [reference.id, reference.genotype] as const));
      const ratio = prepareLikelihoodRatio({ persons, missing: LEGACY_MISSING_ID, profiles }, frequencies(), pedigreeOptions, expected, shared);
      prepared = { ratio, warnings, assumedSides, used: references.map((reference) => reference.id) };
    }
  } catch (error) {
    if (!(error instanceof PedigreeError)) throw error;
    const message = error.message;
    return Object.assign(() => unplaceable(message, mutation), {
      lrAndInconsistent: () => ({ lr: Number.NaN, inconsistentLoci: [] }),
      lrAndInconsistentCoded: () => ({ lr: Number.NaN, inconsistentLoci: [] }),
      fullCoded: () => unplaceable(message, mutation),
    });
  }
  const full = (missing: Profile, coded?: CodedProfile): KinshipResult => {
    try {
      const result = coded ? prepared.ratio.fullCoded(coded) : prepared.ratio(missing);
      return { ...result, warnings: [...prepared.warnings, ...result.warnings], usedReferences: prepared.used, assumedSides: prepared.assumedSides, placementProblem: null, mutation };
    } catch (error) {
      if (!(error instanceof PedigreeError)) throw error;
      return unplaceable(error.message, mutation);
    }
  };
  const lrAndInconsistent = (missing: Profile): LrAndInconsistent => {
    try {
      return prepared.ratio.lrAndInconsistent(missing);
    } catch (error) {
      if (!(error instanceof PedigreeError)) throw error;
      // As the full answer: no number, no inconsistent locus.
      return { lr: Number.NaN, inconsistentLoci: [] };
    }
  };
  const lrAndInconsistentCoded = (missing: CodedProfile): LrAndInconsistent => {
    try {
      return prepared.ratio.lrAndInconsistentCoded(missing);
    } catch (error) {
      if (!(error instanceof PedigreeError)) throw error;
      return { lr: Number.NaN, inconsistentLoci: [] };
    }
  };
  return Object.assign((missing: Profile) => full(missing), { lrAndInconsistent, lrAndInconsistentCoded, fullCoded: (missing: CodedProfile) => full(missing.profile, missing) });
}

/** A family made ready (prepareKinship): the full answer per body, or its LR and inconsistent loci alone (the same numbers), from the profile or coded. */
export type PreparedKinship = ((missing: Profile) => KinshipResult) & {
  lrAndInconsistent(missing: Profile): LrAndInconsistent;
  lrAndInconsistentCoded(missing: CodedProfile): LrAndInconsistent;
  /** The full answer of a coded profile: the same as called with its profile (its locus outcomes found by number). */
  fullCoded(missing: CodedProfile): KinshipResult;
};

/**
 * The references the screen's fast ranking tables use (lib/kinship/screen.ts) — a ranking aid only;
 * every number shown comes from computeKinship, which uses all of them. The nuclear family is
 * tabulated together (a spouse only beside a typed child); a distant relative only when no nuclear
 * reference exists, and then only the closest one.
 */
export function chooseReferences(references: readonly Reference[]): { used: Reference[]; unused: Reference[] } {
  const nuclear = references.filter((reference) => NUCLEAR.has(reference.relationship));
  const withSpouse = nuclear.some((reference) => reference.relationship === "child")
    ? [...nuclear, ...references.filter((reference) => reference.relationship === "spouse")]
    : nuclear;
  if (nuclear.length > 0) return { used: withSpouse, unused: references.filter((reference) => !withSpouse.includes(reference)) };
  const relatives = references.filter((reference) => reference.relationship !== "spouse");
  const closest = [...relatives].sort((a, b) => KAPPA[b.relationship][1] - KAPPA[a.relationship][1])[0];
  return { used: closest ? [closest] : [], unused: references.filter((reference) => reference !== closest) };
}

const isRelative = (reference: Reference) => reference.relationship !== "spouse";

function familyAtLocus(references: readonly Reference[], locus: string): NuclearFamilyAtLocus {
  const at = (relationship: Relationship): Genotype[] =>
    references.flatMap((reference) => {
      const genotype = reference.genotype[locus];
      return reference.relationship === relationship && genotype ? [genotype] : [];
    });
  return {
    mother: at("mother")[0] ?? null,
    father: at("father")[0] ?? null,
    siblings: at("full_sibling"),
    children: at("child"),
    spouse: at("spouse")[0] ?? null,
  };
}

/**
 * How one locus is computed: a lone typed relative by its closed formula (with θ), anything more
 * by exact summation over the untyped founders of the nuclear family (θ = 0); null when no
 * relative is typed there.
 */
export type LocusPlan =
  | { kind: "single"; relationship: Relationship; genotype: Genotype }
  | { kind: "family"; family: NuclearFamilyAtLocus };

export function planLocus(references: readonly Reference[], locus: string): LocusPlan | null {
  const typed = references.filter((reference) => reference.genotype[locus]);
  const relatives = typed.filter(isRelative);
  const [only] = relatives;
  const spouseHelps = typed.length > relatives.length && relatives.some((reference) => reference.relationship === "child");
  const genotype = only?.genotype[locus];
  if (!only || !genotype) return null;
  if (relatives.length === 1 && !spouseHelps) return { kind: "single", relationship: only.relationship, genotype };
  return { kind: "family", family: familyAtLocus(typed, locus) };
}
