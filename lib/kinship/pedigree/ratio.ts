import { buildLocusAlleles, type LocusAlleles } from "./locus-alleles";
import { pedigreeLikelihood } from "./likelihood";
import type { Observation } from "./phenotype";
import { indexPedigree, PedigreeError, pruneUntypedLeaves, type IndexedPedigree } from "./structure";
import { NO_MUTATION, type Genotype, type PedigreeCase, type PedigreeOptions, type PedigreePerson, type PedigreeResult } from "./types";

export type FrequencyInput = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Under H2 the missing person is this extra founder, unrelated to everyone. */
const UNRELATED = "\u0000unrelated missing person";

type ProfilesById = ReadonlyMap<string, Readonly<Record<string, Genotype>>>;

function checkCase(input: PedigreeCase): void {
  const ids = new Set(input.persons.map((person) => person.id));
  if (!ids.has(input.missing)) throw new PedigreeError(`the missing person ${input.missing} is not in the pedigree`);
  for (const id of Object.keys(input.profiles)) if (!ids.has(id)) throw new PedigreeError(`profile for unknown person ${id}`);
  for (const [id, d] of Object.entries(input.dropout ?? {})) {
    if (!ids.has(id)) throw new PedigreeError(`drop-out for unknown person ${id}`);
    if (!(d >= 0 && d < 1)) throw new PedigreeError(`drop-out of ${id} must lie in [0, 1), got ${d}`);
  }
}

function locusLikelihood(
  pedigree: IndexedPedigree,
  profiles: ProfilesById,
  dropout: Readonly<Record<string, number>>,
  locusName: string,
  locus: LocusAlleles,
  theta: number,
): number {
  const observationOf = (id: string): Observation | null => {
    const genotype = profiles.get(id)?.[locusName];
    if (!genotype) return null;
    const visible = [...new Set(genotype)].map((allele) => locus.index.get(allele) ?? -1);
    return { visible, dropout: dropout[id] ?? 0 };
  };
  const all = pedigree.ids.map(observationOf);
  const { pedigree: pruned, kept } = pruneUntypedLeaves(pedigree, all.map((observation) => observation !== null));
  return pedigreeLikelihood(pruned, kept.map((i) => all[i] ?? null), locus, theta);
}

/**
 * LR = P(profiles | H1) / P(profiles | H2), per locus and multiplied over loci. H1: the pedigree as
 * given. H2: the missing person's place is held by an untyped person of the same sex, and the
 * missing person is an extra founder, drawn with everyone else's founders under the same θ.
 * Compared: loci typed in the missing person and in at least one other person.
 */
export function pedigreeLikelihoodRatio(
  input: PedigreeCase,
  frequencies: FrequencyInput,
  options: PedigreeOptions,
  /** False when the caller needs only the LR: inconsistentLoci is then left empty (a simulation without mutation has none). */
  countInconsistent = true,
): PedigreeResult {
  checkCase(input);
  if (!(options.theta >= 0 && options.theta < 1)) throw new PedigreeError(`theta must lie in [0, 1), got ${options.theta}`);
  const missingPerson = input.persons.find((person) => person.id === input.missing) as PedigreePerson;
  const h1 = indexPedigree(input.persons);
  const h2 = indexPedigree([...input.persons, { id: UNRELATED, sex: missingPerson.sex }]);
  const missingProfile = input.profiles[input.missing] ?? {};
  const h1Profiles: ProfilesById = new Map(Object.entries(input.profiles));
  const h2Profiles: ProfilesById = new Map([
    ...Object.entries(input.profiles).filter(([id]) => id !== input.missing),
    [UNRELATED, missingProfile],
  ]);
  const dropout = { ...(input.dropout ?? {}) };
  if (dropout[input.missing] !== undefined) dropout[UNRELATED] = dropout[input.missing] ?? 0;
  const others = Object.entries(input.profiles).filter(([id]) => id !== input.missing);
  const loci = Object.keys(missingProfile).filter((locus) => others.some(([, profile]) => profile[locus]));

  const result: PedigreeResult = { lr: 1, log10Lr: 0, loci: {}, inconsistentLoci: [], referenceInconsistentLoci: [], warnings: [] };
  for (const locusName of loci) {
    const table = frequencies[locusName];
    if (!table) throw new PedigreeError(`locus ${locusName} is missing from the frequency table`);
    const observed = Object.values(input.profiles).flatMap((profile) => profile[locusName] ?? []);
    const ratioWith = (mutation: PedigreeOptions["mutation"]) => {
      const locus = buildLocusAlleles(locusName, new Map(Object.entries(table)), observed, {
        minFrequency: options.minFrequency,
        silentFrequency: options.silentFrequencies?.[locusName] ?? 0,
        mutation,
      });
      const withMissing = locusLikelihood(h1, h1Profiles, dropout, locusName, locus, options.theta);
      const unrelated = locusLikelihood(h2, h2Profiles, dropout, locusName, locus, options.theta);
      return { ratio: unrelated === 0 ? null : withMissing / unrelated, warnings: locus.warnings };
    };
    const { ratio, warnings } = ratioWith(options.mutation);
    for (const warning of warnings) if (!result.warnings.includes(warning)) result.warnings.push(warning);
    if (ratio === null) {
      result.referenceInconsistentLoci.push(locusName);
      result.warnings.push(`${locusName}: the references contradict one another whoever the missing person is; the locus is left out`);
      continue;
    }
    result.loci[locusName] = ratio;
    result.lr *= ratio;
    result.log10Lr += Math.log10(ratio);
    if (!countInconsistent) continue;
    const strict = options.mutation.model === "none" ? ratio : ratioWith(NO_MUTATION).ratio;
    if (strict === 0) result.inconsistentLoci.push(locusName);
  }
  return result;
}
