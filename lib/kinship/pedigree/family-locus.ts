import { pedigreeLikelihoodByGenes } from "./likelihood";
import { buildLocusAlleles, type LocusAlleles } from "./locus-alleles";
import { phenotypeProbability, possibleAlleles, type Observation } from "./phenotype";
import type { LocusOutcome } from "./ratio";
import type { FamilyLocusReferences } from "./locus-plan";
import { pruneUntypedLeaves, type IndexedPedigree } from "./structure";
import { NO_MUTATION, type Genotype } from "./types";

export interface FamilyLocusInput extends FamilyLocusReferences {
  table: Readonly<Record<string, number>>;
}

/** The missing-person profiles a prepared family will be asked for (prepareLikelihoodRatio's `expected`). */
export interface ExpectedProfiles {
  profiles: readonly Readonly<Record<string, Genotype>>[];
  /** A locus is shared when the profiles show at least this many distinct genotypes there (whose alleles the population holds). */
  minimumGenotypes: number;
  /**
   * Whether the likelihoods themselves (θ, mutation) are read from the shared vectors, or only the
   * no-mutation test of inconsistency (θ = 0). Measured on the DVI bench (bench/RESULTS.md,
   * 2026-12-07 07:20–08:00 UTC) the shared θ vectors cost more than genotype by genotype: every
   * body's alleles become explicit, and the founder sum grows with the number of alleles.
   */
  likelihoods: boolean;
}

/** One locus of one family, ready for any missing-person genotype whose alleles it made explicit. */
export interface FamilyLocus {
  /** The locus's outcome from the shared vectors, or null (likelihoods not shared, or a genotype to compute on its own). */
  outcome(genotype: Genotype, missingDropout: number, countInconsistent: boolean): LocusOutcome | null;
  /** Whether the genotype needs a mutation (no-mutation likelihood 0 under H1, not under H2), or null when it must be computed on its own. */
  inconsistent(genotype: Genotype, missingDropout: number): boolean | null;
}

/**
 * A family's locus computed once for all of its candidate bodies (prepareLikelihoodRatio's
 * `expected`): P(references, the missing person's genes = x, y) under H1 and under H2 as a vector
 * over (x, y) from one elimination each (pedigreeLikelihoodByGenes), so that a body's likelihoods
 * are Σ P(its genotype | x, y) · vector, a lookup.
 *
 * The same numbers as one genotype at a time (ratio.ts, locusOutcome), because the allele system is
 * the one each body would get on its own except for which alleles are explicit:
 * - a body allele the frequency table lacks (and no reference carries) gets the minimum frequency
 *   and may renormalise the table, and changes the proportional model's constant: such a body is
 *   left out and computed on its own (outcome gives null), as is any genotype not announced;
 * - for every other body the population and its frequencies are the same, and the alleles the
 *   other bodies carry are explicit here where that body's own system lumps them; lumping is exact
 *   (the mutation models' rows and the θ draw treat lumped alleles alike: the Dirichlet of
 *   Balding–Nichols aggregates), so only the order of the sums differs.
 * The no-mutation test of inconsistency (θ = 0) is vectorised the same way, when first needed, over
 * every allele of the population (strictSystem).
 */
export function prepareFamilyLocus(input: FamilyLocusInput, expected: ExpectedProfiles): FamilyLocus | null {
  const { locusName, others } = input;
  const referenceAlleles = others.flatMap(([, profile]) => profile[locusName] ?? []);
  if (referenceAlleles.length === 0 || !showsGenotypes(input, expected, referenceAlleles)) return null;
  return familyLocusFrom(input, expected, expected.likelihoods ? [...referenceAlleles, ...bodyAlleles(input, expected, referenceAlleles)] : null);
}

/** Whether an allele is in the locus's population: the table's or a reference's. */
const inPopulation = (allele: string | undefined, table: Readonly<Record<string, number>>, referenceAlleles: readonly string[]) =>
  allele !== undefined && (Object.hasOwn(table, allele) || referenceAlleles.includes(allele));

/**
 * Whether the profiles show at least minimumGenotypes distinct genotypes whose alleles the
 * population holds: counted only until there are that many (a national family has hundreds of
 * bodies, and looking at every body's alleles at every locus of every family was a tenth of the
 * layer).
 */
function showsGenotypes(input: FamilyLocusInput, expected: ExpectedProfiles, referenceAlleles: readonly string[]): boolean {
  const { profiles, minimumGenotypes } = expected;
  if (!(minimumGenotypes <= profiles.length)) return false;
  const { locusName, table } = input;
  const distinct = new Set<string>();
  for (const profile of profiles) {
    const genotype = profile[locusName];
    if (!genotype) continue;
    const [a, b] = genotype;
    if (!inPopulation(a, table, referenceAlleles) || !inPopulation(b, table, referenceAlleles)) continue;
    distinct.add((a as string) < (b as string) ? `${a}\u0000${b}` : `${b}\u0000${a}`);
    if (distinct.size >= minimumGenotypes) return true;
  }
  return false;
}

/**
 * The alleles the profiles show that the population holds (for the shared likelihoods' allele
 * system): each in the population already, so only which of them are explicit depends on this.
 */
function bodyAlleles(input: FamilyLocusInput, expected: ExpectedProfiles, referenceAlleles: readonly string[]): string[] {
  const { locusName, table } = input;
  const alleles = new Set<string>();
  for (const profile of expected.profiles) {
    const genotype = profile[locusName];
    if (!genotype) continue;
    const [a, b] = genotype;
    if (!inPopulation(a, table, referenceAlleles) || !inPopulation(b, table, referenceAlleles)) continue;
    for (const allele of genotype) alleles.add(allele);
  }
  return [...alleles];
}

/**
 * The no-mutation allele system of the inconsistency test: every allele of the population explicit
 * (the table's, then the references' alleles it lacks, in the order buildLocusAlleles adds them), so
 * the same for every family of the locus whose references carry no allele off the table, and built
 * once for all of them. Whether a likelihood without mutation is 0 does not depend on which alleles
 * are explicit (a sum of non-negative products, 0 exactly when no assignment of alleles of positive
 * frequency fits the observations, whether the untyped persons' other alleles are explicit or
 * lumped), so the test answers as with the bodies' alleles alone.
 */
const strictSystems = new WeakMap<Readonly<Record<string, number>>, Map<string, LocusAlleles>>();
function strictSystem(input: FamilyLocusInput, referenceAlleles: readonly string[]): LocusAlleles {
  const { locusName, table, options } = input;
  const offTable = [...new Set(referenceAlleles.filter((allele) => !Object.hasOwn(table, allele)))];
  const silentFrequency = options.silentFrequencies?.[locusName] ?? 0;
  const key = [locusName, options.minFrequency, silentFrequency, ...offTable].join("\u0000");
  let systems = strictSystems.get(table);
  if (!systems) {
    systems = new Map();
    strictSystems.set(table, systems);
  }
  let system = systems.get(key);
  if (!system) {
    system = buildLocusAlleles(locusName, new Map(Object.entries(table)), [...Object.keys(table), ...offTable], { minFrequency: options.minFrequency, silentFrequency, mutation: NO_MUTATION });
    systems.set(key, system);
  }
  return system;
}

/**
 * The shared vectors: the likelihoods' over the allele system of `observed` (the references'
 * alleles, then the bodies'; null when only the inconsistency test is shared), the test's over
 * strictSystem.
 */
function familyLocusFrom(input: FamilyLocusInput, expected: ExpectedProfiles, observed: readonly string[] | null): FamilyLocus {
  const { locusName, table, options, others } = input;
  const locus = observed
    ? buildLocusAlleles(locusName, new Map(Object.entries(table)), observed, {
        minFrequency: options.minFrequency,
        silentFrequency: options.silentFrequencies?.[locusName] ?? 0,
        mutation: options.mutation,
      })
    : null;
  const byGenes = (pedigree: IndexedPedigree, open: string, alleles: LocusAlleles, theta: number) => {
    const profileOf = new Map(others);
    const all = pedigree.ids.map((id): Observation | null => {
      const genotype = id === open ? undefined : profileOf.get(id)?.[locusName];
      if (!genotype) return null;
      return { visible: [...new Set(genotype)].map((allele) => alleles.index.get(allele) ?? -1), dropout: input.dropout[id] ?? 0 };
    });
    const openIndex = pedigree.ids.indexOf(open);
    const { pedigree: pruned, kept } = pruneUntypedLeaves(pedigree, all.map((observation, i) => observation !== null || i === openIndex));
    return pedigreeLikelihoodByGenes(pruned, kept.map((i) => all[i] ?? null), alleles, theta, kept.indexOf(openIndex));
  };
  const vectors = !locus ? null : { locus, withMissing: byGenes(input.h1, input.missing, locus, options.theta), unrelated: byGenes(input.h2, input.unrelated, locus, options.theta) };
  let strict: { locus: LocusAlleles; withMissing: Float64Array; unrelated: Float64Array | null } | null = null;
  // Σ over the genes the observation allows (as the one-genotype computation restricts them) of
  // P(observation | x, y) · vector. Positions are the given allele system's (the stepwise model
  // makes every allele explicit, the no-mutation test only those seen).
  const read = (vector: Float64Array, genotype: Genotype, dropout: number, alleles: LocusAlleles) => {
    const size = alleles.labels.length;
    const observation: Observation = { visible: [...new Set(genotype)].map((allele) => alleles.index.get(allele) ?? -1), dropout };
    const possible = possibleAlleles(observation, size, alleles.silent);
    let sum = 0;
    for (const x of possible) for (const y of possible) sum += phenotypeProbability(observation, x, y, alleles.silent) * (vector[x * size + y] ?? 0);
    return sum;
  };
  return {
    outcome(genotype, missingDropout, countInconsistent) {
      if (!vectors) return null;
      const { locus } = vectors;
      if (genotype.some((allele) => !locus.index.has(allele))) return null;
      const h2 = read(vectors.unrelated, genotype, missingDropout, locus);
      const ratio = h2 === 0 ? null : read(vectors.withMissing, genotype, missingDropout, locus) / h2;
      let inconsistent = false;
      if (ratio !== null && countInconsistent) {
        if (options.mutation.model === "none") inconsistent = ratio === 0;
        else inconsistent = this.inconsistent(genotype, missingDropout) ?? false;
      }
      return { ratio, inconsistent, warnings: locus.warnings };
    },
    inconsistent(genotype, missingDropout) {
      if (!strict) {
        const strictLocus = strictSystem(input, others.flatMap(([, profile]) => profile[locusName] ?? []));
        strict = { locus: strictLocus, withMissing: byGenes(input.h1, input.missing, strictLocus, 0), unrelated: null };
      }
      if (genotype.some((allele) => !strict?.locus.index.has(allele))) return null;
      if (read(strict.withMissing, genotype, missingDropout, strict.locus) !== 0) return false;
      strict.unrelated ??= byGenes(input.h2, input.unrelated, strict.locus, 0);
      return read(strict.unrelated, genotype, missingDropout, strict.locus) !== 0;
    },
  };
}
