import { buildLocusAlleles, type LocusAlleles } from "../pedigree/locus-alleles";
import { pedigreeLikelihood } from "../pedigree/likelihood";
import { phenotypeProbability, possibleAlleles, type Observation } from "../pedigree/phenotype";
import { pedigreeLikelihoodRatio, type FrequencyInput } from "../pedigree/ratio";
import { NO_MUTATION, type Genotype, type PedigreeOptions, type PedigreePerson, type Sex } from "../pedigree/types";
import type { DviBody } from "./types";

/** The relations two bodies' profiles are tested for, each against "unrelated" (issue #22, point 5). */
export const BODY_RELATIONS = ["samePerson", "parentChild", "fullSiblings"] as const;
export type BodyRelation = (typeof BODY_RELATIONS)[number];

export interface BodyRelationResult {
  lr: number;
  log10Lr: number;
  /** Loci where the relation is impossible without a mutation (for the same person: at all). */
  inconsistentLoci: string[];
}

export interface BodyPairComparison {
  a: string;
  b: string;
  lociCompared: number;
  /** The two bodies are of different known sex: they cannot be one person. */
  sexMismatch: boolean;
  relations: Record<BodyRelation, BodyRelationResult>;
  /** The relation with the largest LR. */
  strongest: BodyRelation;
}

const FATHER = "\u0000father";
const MOTHER = "\u0000mother";
/** The two bodies' places in a pedigree (parent and child, or the two siblings). */
const PARENT = "\u0000first";
const CHILD = "\u0000second";

const commonLoci = (a: DviBody, b: DviBody) => Object.keys(a.profile).filter((locus) => b.profile[locus] !== undefined);

function observation(locus: LocusAlleles, body: DviBody, locusName: string): Observation {
  const genotype = body.profile[locusName] ?? [];
  return { visible: [...new Set(genotype)].map((allele) => locus.index.get(allele) ?? -1), dropout: body.dropout ?? 0 };
}

/**
 * One person sampled twice, against two unrelated persons, at one locus:
 * Σ_{x,y} P(x)·P(y | x) · P(obs_a | x,y) · P(obs_b | x,y) over P(obs_a, obs_b | two founders), both
 * priors Balding–Nichols (the second allele of one person is y with θ·[y = x] + (1 − θ)·p_y).
 * Drop-out and silent alleles enter through each sample's observation; no mutation in one body.
 */
function samePersonLocus(a: DviBody, b: DviBody, locusName: string, table: Readonly<Record<string, number>>, options: PedigreeOptions): number {
  const observed = [...(a.profile[locusName] ?? []), ...(b.profile[locusName] ?? [])];
  const locus = buildLocusAlleles(locusName, new Map(Object.entries(table)), observed, {
    minFrequency: options.minFrequency,
    silentFrequency: options.silentFrequencies?.[locusName] ?? 0,
    mutation: NO_MUTATION,
  });
  const [first, second] = [observation(locus, a, locusName), observation(locus, b, locusName)];
  const size = locus.labels.length;
  const theta = options.theta;
  let same = 0;
  for (const x of possibleAlleles(first, size, locus.silent)) {
    for (const y of possibleAlleles(first, size, locus.silent)) {
      const prior = (locus.frequencies[x] ?? 0) * ((x === y ? theta : 0) + (1 - theta) * (locus.frequencies[y] ?? 0));
      if (prior === 0) continue;
      same += prior * phenotypeProbability(first, x, y, locus.silent) * phenotypeProbability(second, x, y, locus.silent);
    }
  }
  if (same === 0) return 0;
  const twoFounders = { ids: [a.id, b.id], sexes: ["male", "male"] as Sex[], mother: [-1, -1], father: [-1, -1] };
  return same / pedigreeLikelihood(twoFounders, [first, second], locus, theta);
}

function samePerson(a: DviBody, b: DviBody, frequencies: FrequencyInput, options: PedigreeOptions, sexMismatch: boolean): BodyRelationResult {
  const result: BodyRelationResult = { lr: 1, log10Lr: 0, inconsistentLoci: [] };
  for (const locusName of commonLoci(a, b)) {
    const table = frequencies[locusName];
    if (!table) continue;
    const ratio = samePersonLocus(a, b, locusName, table, options);
    if (ratio === 0) result.inconsistentLoci.push(locusName);
    result.lr *= ratio;
    result.log10Lr += Math.log10(ratio);
  }
  if (sexMismatch) return { ...result, lr: 0, log10Lr: -Infinity };
  return result;
}

/**
 * Per-locus results of one relation, remembered by the two genotypes and drop-outs: bodies share
 * genotypes, so a body compared with all others computes each distinct pair of genotypes once.
 */
export type BodyComparisonCache = Map<string, { ratio: number; strict: boolean }>;

/**
 * The LR of `persons` (the pedigree `shape` names it in the cache) with `first` typed and `second`
 * in the missing person's place, locus by locus: product of the per-locus ratios, and the loci
 * where the pair is inconsistent without a mutation.
 */
function pedigreeRatio(
  shape: string,
  persons: PedigreePerson[],
  first: DviBody,
  second: DviBody,
  frequencies: FrequencyInput,
  options: PedigreeOptions,
  cache: BodyComparisonCache,
): BodyRelationResult {
  const result: BodyRelationResult = { lr: 1, log10Lr: 0, inconsistentLoci: [] };
  const dropout: Record<string, number> = {};
  if (first.dropout !== undefined) dropout[first.id] = first.dropout;
  if (second.dropout !== undefined) dropout[second.id] = second.dropout;
  for (const locus of commonLoci(first, second)) {
    if (!frequencies[locus]) continue;
    const [ga, gb] = [first.profile[locus] ?? [], second.profile[locus] ?? []];
    const key = `${shape}\u0000${locus}\u0000${ga.join("/")}\u0000${gb.join("/")}\u0000${first.dropout ?? 0}\u0000${second.dropout ?? 0}`;
    let known = cache.get(key);
    if (!known) {
      const single = pedigreeLikelihoodRatio(
        { persons, missing: second.id, profiles: { [first.id]: { [locus]: ga as Genotype }, [second.id]: { [locus]: gb as Genotype } }, dropout },
        frequencies,
        options,
      );
      known = { ratio: single.loci[locus] ?? 1, strict: single.inconsistentLoci.length > 0 };
      cache.set(key, known);
    }
    if (known.strict) result.inconsistentLoci.push(locus);
    result.lr *= known.ratio;
    result.log10Lr += Math.log10(known.ratio);
  }
  return result;
}

/**
 * Parent and child in either direction, each with prior ½: LR = ½·LR(a parent of b) + ½·LR(b parent
 * of a), each a whole-profile ratio (the denominators, "unrelated", are the same). A parent of
 * unknown sex is a father or a mother with ½ each; that matters only when the two rates differ.
 */
function parentChild(a: DviBody, b: DviBody, frequencies: FrequencyInput, options: PedigreeOptions, cache: BodyComparisonCache): BodyRelationResult {
  const mutation = options.mutation;
  const sexMatters = mutation.model !== "none" && mutation.femaleRate !== mutation.maleRate;
  const terms: { lr: number; inconsistentLoci: string[] }[] = [];
  for (const [parent, child] of [
    [a, b],
    [b, a],
  ] as const) {
    const sexes: Sex[] = parent.sex ? [parent.sex] : sexMatters ? ["male", "female"] : ["male"];
    for (const sex of sexes) {
      const persons: PedigreePerson[] = [
        { id: PARENT, sex },
        { id: CHILD, sex: "male", ...(sex === "male" ? { father: PARENT } : { mother: PARENT }) },
      ];
      const result = pedigreeRatio(`parent ${sex}`, persons, { ...parent, id: PARENT }, { ...child, id: CHILD }, frequencies, options, cache);
      // Each direction weighs ½, shared among the parent's possible sexes.
      for (let copy = 0; copy < 2 / sexes.length; copy += 1) terms.push({ lr: result.lr, inconsistentLoci: result.inconsistentLoci });
    }
  }
  const lr = terms.reduce((sum, term) => sum + term.lr, 0) / terms.length;
  const inconsistentLoci = [...terms].sort((x, y) => x.inconsistentLoci.length - y.inconsistentLoci.length)[0]?.inconsistentLoci ?? [];
  return { lr, log10Lr: Math.log10(lr), inconsistentLoci };
}

/** Full siblings: children of the same two untyped parents. */
function fullSiblings(a: DviBody, b: DviBody, frequencies: FrequencyInput, options: PedigreeOptions, cache: BodyComparisonCache): BodyRelationResult {
  // The children's sexes do not enter: every meiosis is from the fixed father or mother.
  const persons: PedigreePerson[] = [
    { id: FATHER, sex: "male" },
    { id: MOTHER, sex: "female" },
    { id: PARENT, sex: "male", father: FATHER, mother: MOTHER },
    { id: CHILD, sex: "male", father: FATHER, mother: MOTHER },
  ];
  return pedigreeRatio("siblings", persons, { ...a, id: PARENT }, { ...b, id: CHILD }, frequencies, options, cache);
}

/**
 * Direct comparison of two bodies for commingled remains (dvir's directMatch, widened to parent–child
 * and full siblings), each relation's exact LR against "unrelated" under the stated θ, mutation model,
 * drop-out and silent alleles. Compared: the loci typed in both bodies that the table covers.
 */
export function compareBodies(a: DviBody, b: DviBody, frequencies: FrequencyInput, options: PedigreeOptions, cache: BodyComparisonCache = new Map()): BodyPairComparison {
  const sexMismatch = a.sex !== undefined && b.sex !== undefined && a.sex !== b.sex;
  const relations: Record<BodyRelation, BodyRelationResult> = {
    samePerson: samePerson(a, b, frequencies, options, sexMismatch),
    parentChild: parentChild(a, b, frequencies, options, cache),
    fullSiblings: fullSiblings(a, b, frequencies, options, cache),
  };
  const strongest = BODY_RELATIONS.reduce((best, relation) => (relations[relation].log10Lr > relations[best].log10Lr ? relation : best), BODY_RELATIONS[0] as BodyRelation);
  return { a: a.id, b: b.id, lociCompared: commonLoci(a, b).filter((locus) => frequencies[locus]).length, sexMismatch, relations, strongest };
}

export interface BodyToBodyOptions extends PedigreeOptions {
  /** A pair is listed when one of its relations reaches this LR (and is not excluded). */
  listFrom: number;
  /** A relation is excluded at this many inconsistent loci, as a body × missing person pair is. */
  exclusionLoci: number;
}

/** Whether a relation of a pair counts: an LR at or above the floor and fewer inconsistent loci than the exclusion count. */
export function relationListed(result: BodyRelationResult, options: Pick<BodyToBodyOptions, "listFrom" | "exclusionLoci">): boolean {
  return result.lr >= options.listFrom && result.inconsistentLoci.length < options.exclusionLoci;
}

/**
 * Every pair of bodies with at least one relation listed, strongest first. `only` limits the pairs
 * to those holding one of these bodies (a body's page compares it with all others).
 */
export function relatedBodies(bodies: readonly DviBody[], frequencies: FrequencyInput, options: BodyToBodyOptions, only?: ReadonlySet<string>): BodyPairComparison[] {
  const found: BodyPairComparison[] = [];
  const cache: BodyComparisonCache = new Map();
  for (let i = 0; i < bodies.length; i += 1) {
    for (let j = i + 1; j < bodies.length; j += 1) {
      const [a, b] = [bodies[i] as DviBody, bodies[j] as DviBody];
      if (only && !only.has(a.id) && !only.has(b.id)) continue;
      const comparison = compareBodies(a, b, frequencies, options, cache);
      if (BODY_RELATIONS.some((relation) => relationListed(comparison.relations[relation], options))) found.push(comparison);
    }
  }
  return found.sort((x, y) => y.relations[y.strongest].log10Lr - x.relations[x.strongest].log10Lr);
}
