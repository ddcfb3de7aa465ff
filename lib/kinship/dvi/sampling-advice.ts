import { mulberry32 } from "../../demo/random";
import { compareAlleles } from "../alleles";
import { pedigreeLikelihoodRatio, type FrequencyInput } from "../pedigree/ratio";
import { indexPedigree, pruneUntypedLeaves } from "../pedigree/structure";
import { NO_MUTATION, type Genotype, type PedigreeOptions, type PedigreePerson } from "../pedigree/types";
import { missingKey, type DviFamily, type LocusProfile } from "./types";

/**
 * Sampling advice (issue #22, point 6), after forrel's missingPersonEP and MPPsims:
 *
 * - exclusion power (EP): the probability that an unrelated body is excluded, i.e. shows at least
 *   `exclusionLoci` loci inconsistent with the references without a mutation;
 * - inclusion power (IP): the probability that the true body reaches the lead rule's threshold,
 *   LR ≥ T, and is not excluded.
 *
 * For the references already typed, EP is exact: per locus, the probability q_l that a person drawn
 * from the table (Hardy–Weinberg) is inconsistent, enumerated over every genotype; the loci are
 * independent, so the number of inconsistent loci is Poisson-binomial over the q_l.
 *
 * For a set of references (the current ones, or the current ones and one more relative), EP and IP
 * are estimated by simulation on the family's pedigree, as MPPsims does before anyone is typed:
 * every person's alleles are dropped from the founders (Hardy–Weinberg, no mutation), the chosen
 * relatives are typed at every locus of the table, the missing person is the true body and one
 * more founder the unrelated body; the LR uses the stated θ and mutation model. The simulated
 * values are approximate and carry their standard error. Every set is simulated from the same
 * seed, so the families drawn are the same and the gains compare like with like.
 *
 * θ in the simulation: the exact LR with θ > 0 sums every founder allele jointly (the Balding–Nichols
 * draw), so its cost grows as (alleles at the locus)^(founder genes): 0.02 s a simulated family with
 * four founder genes, 0.4 s with six, 21 s with eight (a maternal cousin beside a child and a
 * sister). On a pedigree with more than SIMULATION_THETA_FOUNDER_GENES founder genes the simulated
 * LRs are computed at θ = 0 instead, for every set of relatives of that missing person alike, and
 * the estimate says so (PowerEstimate.theta). The exact exclusion power is unaffected (it needs no θ).
 *
 * Random persons and founders are drawn from the locus's table scaled to sum to 1 (a published
 * table sums to 1 up to rounding; the LRs themselves use the table as given). The simulation does
 * not condition on the genotypes already typed (forrel's missingPersonIP does): it rates the set of
 * relatives on this pedigree, not this family's particular alleles.
 */
export interface PowerEstimate {
  inclusionPower: number;
  exclusionPower: number;
  /** Binomial standard errors of the two estimates. */
  inclusionStandardError: number;
  exclusionStandardError: number;
  simulations: number;
  /** The θ of the simulated LRs: the stated one, or 0 on a pedigree too wide for the exact θ sum (see above). */
  theta: number;
}

export interface SamplingOption {
  /** The relative (a person of the family's pedigree) who would give a sample. */
  relative: string;
  power: PowerEstimate;
  /** IP with this relative minus IP with the current references (same simulated families). */
  inclusionGain: number;
  exclusionGain: number;
}

export interface MissingPersonAdvice {
  family: string;
  missing: string;
  /** FAMILY:ID */
  key: string;
  references: string[];
  /** Exact EP of the references as typed (null without any typed reference). */
  exactExclusionPower: number | null;
  current: PowerEstimate;
  /** Every relative not yet sampled, best first. */
  options: SamplingOption[];
}

export interface SamplingSettings {
  threshold: number;
  exclusionLoci: number;
  simulations: number;
  seed: number;
  /** Per family, persons who cannot give a sample (dead, unreachable). */
  unavailable?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** P(at least k of independent events with these probabilities), by the Poisson-binomial recursion. */
export function atLeast(probabilities: readonly number[], k: number): number {
  let distribution = [1];
  for (const q of probabilities) {
    const next = new Array<number>(distribution.length + 1).fill(0);
    distribution.forEach((p, count) => {
      next[count] = (next[count] ?? 0) + p * (1 - q);
      next[count + 1] = (next[count + 1] ?? 0) + p * q;
    });
    distribution = next;
  }
  return distribution.slice(k).reduce((sum, p) => sum + p, 0);
}

/** The table's alleles at a locus with any typed allele it lacks at the minimum frequency, summing to 1. */
function locusDistribution(table: Readonly<Record<string, number>>, observed: Iterable<string>, minFrequency: number): [string, number][] {
  const all = new Map(Object.entries(table));
  for (const allele of observed) if (!all.has(allele)) all.set(allele, minFrequency);
  const total = [...all.values()].reduce((sum, p) => sum + p, 0);
  return [...all.entries()].sort(([a], [b]) => compareAlleles(a, b)).map(([allele, p]) => [allele, p / total]);
}

/** Above this many founder genes the simulation's LRs use θ = 0 (see above). */
export const SIMULATION_THETA_FOUNDER_GENES = 6;

/**
 * The founder genes the exact likelihood sums jointly under θ, with these persons typed: after the
 * untyped leaves are pruned, two per founder, one for an untyped founder with one child (as
 * pedigreeLikelihood counts them).
 */
export function founderGeneCount(persons: readonly PedigreePerson[], typed: readonly string[]): number {
  const full = indexPedigree(persons);
  const { pedigree } = pruneUntypedLeaves(full, full.ids.map((id) => typed.includes(id)));
  const children = pedigree.ids.map(() => 0);
  pedigree.ids.forEach((_, child) => {
    for (const parent of [pedigree.mother[child] ?? -1, pedigree.father[child] ?? -1]) if (parent >= 0) children[parent] = (children[parent] ?? 0) + 1;
  });
  return pedigree.ids.reduce((genes, id, i) => {
    if ((pedigree.mother[i] ?? -1) >= 0 || (pedigree.father[i] ?? -1) >= 0) return genes;
    return genes + (!typed.includes(id) && children[i] === 1 ? 1 : 2);
  }, 0);
}

/** The model of the simulated LRs for one missing person typed with at most these relatives: as stated, or at θ = 0 on a wide pedigree. */
export function simulationOptions(family: DviFamily, missing: string, typed: readonly string[], options: PedigreeOptions): PedigreeOptions {
  return founderGeneCount(family.persons, [...typed, missing]) > SIMULATION_THETA_FOUNDER_GENES ? { ...options, theta: 0 } : options;
}

const referencesOf = (family: DviFamily) => Object.keys(family.profiles).filter((id) => !family.missing.includes(id));

/**
 * The exact exclusion power of a family's typed references for one missing person: a random
 * person (Hardy–Weinberg from the table) excluded at ≥ `exclusionLoci` loci, without mutation.
 */
export function exactExclusionPower(family: DviFamily, missing: string, frequencies: FrequencyInput, options: PedigreeOptions, exclusionLoci: number): number | null {
  const references = referencesOf(family);
  if (references.length === 0) return null;
  const loci = Object.keys(frequencies).filter((locus) => references.some((id) => family.profiles[id]?.[locus]));
  const strict: PedigreeOptions = { ...options, mutation: NO_MUTATION };
  const perLocus = loci.map((locus) => {
    const observed = references.flatMap((id) => family.profiles[id]?.[locus] ?? []);
    const alleles = locusDistribution(frequencies[locus] ?? {}, observed, options.minFrequency);
    const onlyLocus = Object.fromEntries(references.map((id) => [id, family.profiles[id]?.[locus] ? { [locus]: family.profiles[id]?.[locus] as Genotype } : {}]));
    let inconsistent = 0;
    alleles.forEach(([a, pa], i) => {
      alleles.slice(i).forEach(([b, pb]) => {
        const result = pedigreeLikelihoodRatio(
          { persons: family.persons, missing, profiles: { ...onlyLocus, [missing]: { [locus]: [a, b] } }, dropout: family.dropout },
          { [locus]: frequencies[locus] ?? {} },
          strict,
        );
        // A locus where the references contradict one another excludes nobody.
        if (result.inconsistentLoci.length > 0) inconsistent += a === b ? pa * pa : 2 * pa * pb;
      });
    });
    return inconsistent;
  });
  return atLeast(perLocus, exclusionLoci);
}

type Drawn = Map<string, LocusProfile>;

/** One family drawn through its pedigree: founders from the table, each child one allele of each parent. */
export function dropGenes(family: DviFamily, frequencies: FrequencyInput, minFrequency: number, next: () => number): { persons: Drawn; unrelated: LocusProfile } {
  const pedigree = indexPedigree(family.persons);
  const loci = Object.keys(frequencies).sort();
  const distributions = loci.map((locus) => locusDistribution(frequencies[locus] ?? {}, [], minFrequency));
  const draw = (index: number): string => {
    const distribution = distributions[index] ?? [];
    let remaining = next();
    for (const [allele, p] of distribution) {
      remaining -= p;
      if (remaining < 0) return allele;
    }
    return distribution[distribution.length - 1]?.[0] ?? "";
  };
  const pair = (a: string, b: string): Genotype => (compareAlleles(a, b) <= 0 ? [a, b] : [b, a]);
  const genes = new Map<string, [string, string][]>();
  pedigree.ids.forEach((id, i) => {
    const mother = pedigree.mother[i] ?? -1;
    const father = pedigree.father[i] ?? -1;
    const fromParent = (parent: number, index: number) => {
      if (parent < 0) return draw(index);
      const parentGenes = genes.get(pedigree.ids[parent] ?? "")?.[index] ?? ["", ""];
      return parentGenes[next() < 0.5 ? 0 : 1];
    };
    genes.set(id, loci.map((_, index) => [fromParent(mother, index), fromParent(father, index)]));
  });
  const persons: Drawn = new Map([...genes.entries()].map(([id, list]) => [id, Object.fromEntries(loci.map((locus, index) => [locus, pair(...(list[index] ?? ["", ""]))]))]));
  const unrelated = Object.fromEntries(loci.map((locus, index) => [locus, pair(draw(index), draw(index))]));
  return { persons, unrelated };
}

/** EP and IP of a set of typed relatives for one missing person, by simulation on the pedigree (see above). */
export function simulatePower(
  family: DviFamily,
  missing: string,
  typed: readonly string[],
  frequencies: FrequencyInput,
  options: PedigreeOptions,
  settings: Pick<SamplingSettings, "threshold" | "exclusionLoci" | "simulations" | "seed">,
): PowerEstimate {
  const next = mulberry32(settings.seed);
  let included = 0;
  let excluded = 0;
  const strict: PedigreeOptions = { ...options, mutation: NO_MUTATION };
  for (let run = 0; run < settings.simulations; run += 1) {
    const { persons, unrelated } = dropGenes(family, frequencies, options.minFrequency, next);
    if (typed.length === 0) continue;
    const profiles = Object.fromEntries(typed.map((id) => [id, persons.get(id) ?? {}]));
    // Drawn without mutation, the true body is consistent at every locus: only its LR is needed.
    const truth = pedigreeLikelihoodRatio({ persons: family.persons, missing, profiles: { ...profiles, [missing]: persons.get(missing) ?? {} } }, frequencies, options, false);
    if (truth.lr >= settings.threshold) included += 1;
    const stranger = pedigreeLikelihoodRatio({ persons: family.persons, missing, profiles: { ...profiles, [missing]: unrelated } }, frequencies, strict);
    if (stranger.inconsistentLoci.length >= settings.exclusionLoci) excluded += 1;
  }
  const n = settings.simulations;
  const standardError = (p: number) => (n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0);
  const [inclusionPower, exclusionPower] = n > 0 ? [included / n, excluded / n] : [0, 0];
  return {
    inclusionPower,
    exclusionPower,
    inclusionStandardError: standardError(inclusionPower),
    exclusionStandardError: standardError(exclusionPower),
    simulations: n,
    theta: options.theta,
  };
}

/**
 * For each missing person of the family: the exact EP of the references as typed, the simulated EP
 * and IP of the current set of references (θ as simulationOptions decides), and for every relative not yet sampled (untyped, not
 * missing, not unavailable) the EP and IP with them added, ranked by the gain in IP (then EP).
 */
export function familySamplingAdvice(family: DviFamily, frequencies: FrequencyInput, options: PedigreeOptions, settings: SamplingSettings): MissingPersonAdvice[] {
  const references = referencesOf(family);
  const unavailable = settings.unavailable?.get(family.id) ?? new Set<string>();
  const candidates = family.persons.map((person) => person.id).filter((id) => !references.includes(id) && !family.missing.includes(id) && !unavailable.has(id));
  return family.missing.map((missing) => {
    // One model for every set of this missing person's relatives, so that the gains compare like with like.
    const simulated = simulationOptions(family, missing, [...references, ...candidates], options);
    const current = simulatePower(family, missing, references, frequencies, simulated, settings);
    const choices = candidates.map((relative): SamplingOption => {
      const power = simulatePower(family, missing, [...references, relative], frequencies, simulated, settings);
      return { relative, power, inclusionGain: power.inclusionPower - current.inclusionPower, exclusionGain: power.exclusionPower - current.exclusionPower };
    });
    choices.sort((a, b) => b.inclusionGain - a.inclusionGain || b.exclusionGain - a.exclusionGain || a.relative.localeCompare(b.relative));
    return {
      family: family.id,
      missing,
      key: missingKey(family.id, missing),
      references,
      exactExclusionPower: exactExclusionPower(family, missing, frequencies, options, settings.exclusionLoci),
      current,
      options: choices,
    };
  });
}

export interface WorkListEntry {
  family: string;
  missing: string;
  relative: string;
  inclusionGain: number;
  exclusionGain: number;
  inclusionPowerAfter: number;
}

/**
 * The office's work list: the samples that would most raise the chance of an identification, one
 * (the best) per missing person, ranked by the gain in inclusion power, at most `limit` of them.
 */
export function samplingWorkList(advice: readonly MissingPersonAdvice[], limit = 20): WorkListEntry[] {
  return advice
    .flatMap((entry) => {
      const best = entry.options[0];
      return best && best.inclusionGain + best.exclusionGain > 0
        ? [{ family: entry.family, missing: entry.missing, relative: best.relative, inclusionGain: best.inclusionGain, exclusionGain: best.exclusionGain, inclusionPowerAfter: best.power.inclusionPower }]
        : [];
    })
    .sort((a, b) => b.inclusionGain - a.inclusionGain || b.exclusionGain - a.exclusionGain || a.family.localeCompare(b.family))
    .slice(0, limit);
}
