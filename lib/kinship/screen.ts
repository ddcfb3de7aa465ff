import { genotypeKey } from "./alleles";
import type { FrequencyTable } from "./frequencies";
import { chooseReferences, planLocus } from "./likelihood";
import { NuclearFamilyLikelihood } from "./nuclear-family";
import { FamilyPass, type CodedBodies, type Tallies } from "./screen-pass";
import { singleReferenceCodes } from "./single-reference";
import type { ExplicitPedigree, Genotype, KinshipOptions, Profile, Reference, Relationship } from "./types";

export interface ScreenRemains {
  id: string;
  profile: Profile;
}

export interface ScreenCandidate {
  /** The missing person. */
  id: string;
  /** The references the fast ranking tables use (θ = 0, a ranking aid only). */
  references: readonly Reference[];
  /** The family's explicit pedigree: every exact LR is computed in it (lib/kinship/likelihood.ts). */
  pedigree?: ExplicitPedigree;
}

export interface ScreenSettings extends KinshipOptions {
  /** A lead needs at least this likelihood ratio … */
  minLikelihoodRatio: number;
  /** … and at least this many times the runner-up's. */
  minRatioToRunnerUp: number;
  /** The prior of each missing person is 1 / this number. */
  missingPersonCount: number;
}

export const DEFAULT_SCREEN_THRESHOLDS = { minLikelihoodRatio: 10_000, minRatioToRunnerUp: 10_000 } as const;

/**
 * Missing persons with the very same typed references (brothers whose mother gave a sample) have
 * the same LR for every body: DNA alone cannot tell them apart, so they are ranked as one.
 */
export interface RankedCandidates {
  candidateIds: string[];
  log10Lr: number;
}

export interface ScreenRanking {
  remainsId: string;
  best: RankedCandidates | null;
  runnerUp: RankedCandidates | null;
  isLead: boolean;
  /** P(the body is the best candidate | DNA), from the prior 1 / missingPersonCount. */
  posterior: number | null;
}

/**
 * One locus's distinct body genotypes, their alleles numbered once for every family: building a
 * family's table then looks each allele up once, not once per genotype.
 */
interface LocusGenotypes {
  list: Genotype[];
  alleles: string[];
  alleleNumbers: Map<string, number>;
  /** The table's frequency of each allele. */
  frequencies: Float64Array;
  /** pairs[2g], pairs[2g + 1]: the allele numbers of genotype g. */
  pairs: Int32Array;
}

/**
 * The bodies' genotypes as small integers: per locus, an index into that locus's distinct
 * genotypes, with `stride - 1` for "not typed". Stored body by body so that one body's loci sit
 * side by side in memory.
 */
interface CodedRemains extends CodedBodies {
  loci: string[];
  genotypes: LocusGenotypes[];
}

function codeRemains(table: FrequencyTable, remains: readonly ScreenRemains[]): CodedRemains {
  const loci = table.locusNames();
  const genotypes: Genotype[][] = loci.map(() => []);
  const indexes = loci.map(() => new Map<string, number>());
  const found = new Int32Array(remains.length * loci.length).fill(-1);
  remains.forEach((body, bodyIndex) => {
    loci.forEach((locus, locusIndex) => {
      const genotype = body.profile[locus];
      const index = indexes[locusIndex];
      const list = genotypes[locusIndex];
      if (!genotype || !index || !list) return;
      const key = genotypeKey(genotype);
      let code = index.get(key);
      if (code === undefined) {
        code = list.length;
        index.set(key, code);
        list.push(genotype);
      }
      found[bodyIndex * loci.length + locusIndex] = code;
    });
  });
  const stride = Math.max(0, ...genotypes.map((list) => list.length)) + 1;
  const codes = Uint16Array.from(found, (code) => (code === -1 ? stride - 1 : code));
  const counts = new Int32Array(loci.length * stride);
  codes.forEach((code, position) => {
    const at = (position % loci.length) * stride + code;
    counts[at] = (counts[at] ?? 0) + 1;
  });
  return {
    loci,
    lociCount: loci.length,
    genotypes: loci.map((locus, locusIndex) => numberAlleles(table, locus, genotypes[locusIndex] ?? [])),
    stride,
    codes,
    counts,
  };
}

function numberAlleles(table: FrequencyTable, locus: string, list: Genotype[]): LocusGenotypes {
  const alleleNumbers = new Map<string, number>();
  const pairs = new Int32Array(list.length * 2);
  list.forEach((genotype, index) => {
    genotype.forEach((allele, side) => {
      let number = alleleNumbers.get(allele);
      if (number === undefined) alleleNumbers.set(allele, (number = alleleNumbers.size));
      pairs[index * 2 + side] = number;
    });
  });
  const alleles = [...alleleNumbers.keys()];
  return { list, alleles, alleleNumbers, frequencies: Float64Array.from(alleles, (allele) => table.frequency(locus, allele)), pairs };
}

/**
 * log10 LR of the candidate's pedigree for each distinct body genotype at one locus: the
 * per-reference lookup table that makes screening a sum of table entries per body. Written into
 * `logs` (one entry per genotype), which the caller may reuse: false when the locus says nothing.
 */
function fillLocusTable(logs: Float64Array, table: FrequencyTable, locus: string, genotypes: LocusGenotypes, references: readonly Reference[], options: KinshipOptions): boolean {
  const plan = planLocus(references, locus);
  if (!plan) return false;
  if (plan.kind === "single") {
    fillSingle(logs, table, locus, genotypes, plan.genotype, plan.relationship, options);
    return true;
  }
  const family = new NuclearFamilyLikelihood(table, locus, plan.family, options.mutationRate);
  family.fillLog10Ratios(logs, genotypes.alleles, genotypes.frequencies, genotypes.pairs);
  return true;
}

/** The bodies' alleles keep their numbers; a reference allele no body carries is numbered after them. */
function fillSingle(logs: Float64Array, table: FrequencyTable, locus: string, genotypes: LocusGenotypes, reference: Genotype, relationship: Relationship, options: KinshipOptions): void {
  const onlyTheReference: string[] = [];
  const number = (allele: string): number => {
    const known = genotypes.alleleNumbers.get(allele);
    if (known !== undefined) return known;
    let offset = onlyTheReference.indexOf(allele);
    if (offset === -1) offset = onlyTheReference.push(allele) - 1;
    return genotypes.alleles.length + offset;
  };
  const c = number(reference[0]);
  const d = number(reference[1]);
  const p =
    onlyTheReference.length === 0
      ? genotypes.frequencies
      : Float64Array.from([...genotypes.frequencies, ...onlyTheReference.map((allele) => table.frequency(locus, allele))]);
  const { pairs } = genotypes;
  // A genotype sharing no allele with the reference gets the same ratio whatever its alleles: its
  // shared-allele terms are exactly 0, which leaves κ0 for a distant relative and 0 for a parent or
  // child without mutation. The formula runs once for the first such genotype, then is copied.
  const sameForStrangers = options.mutationRate === 0 || !PARENT_OR_CHILD.has(relationship);
  let stranger: number | null = null;
  for (let index = 0; index < genotypes.list.length; index += 1) {
    const a = pairs[index * 2] ?? 0;
    const b = pairs[index * 2 + 1] ?? 0;
    const shares = a === c || a === d || b === c || b === d;
    if (sameForStrangers && !shares && stranger !== null) {
      logs[index] = stranger;
      continue;
    }
    logs[index] = Math.log10(singleReferenceCodes(p, relationship, options, a, b, c, d));
    if (sameForStrangers && !shares) stranger = logs[index] ?? null;
  }
}

const PARENT_OR_CHILD: ReadonlySet<Relationship> = new Set(["mother", "father", "child"]);

/**
 * Ranks every candidate for every body by combined LR. Work per candidate: its lookup tables (one
 * per locus, built only as far as some body needs them), then at most one addition per body and
 * locus: a pair is abandoned as soon as it can no longer reach the body's runner-up
 * (lib/kinship/screen-pass.ts), which leaves every reported figure exactly as the full sum gives it.
 */
export function screenProfiles(
  table: FrequencyTable,
  remains: readonly ScreenRemains[],
  candidates: readonly ScreenCandidate[],
  settings: ScreenSettings,
): ScreenRanking[] {
  const coded = codeRemains(table, remains);
  const tallies: Tallies = {
    best: new Float64Array(remains.length).fill(-Infinity),
    second: new Float64Array(remains.length).fill(-Infinity),
    bestCandidate: new Int32Array(remains.length).fill(-1),
    secondCandidate: new Int32Array(remains.length).fill(-1),
  };
  // Rows are written in place: a family's tables are built thousands of times, and allocating them
  // is what the garbage collector then spends its time on. The "not typed" entries stay 0.
  const lookup = new Float64Array(coded.loci.length * coded.stride);
  const pass = new FamilyPass(coded, lookup, tallies);
  const groups = groupByReferences(candidates);
  groups.forEach((group, groupIndex) => {
    const { used } = chooseReferences(group.references);
    pass.run((locusIndex) => {
      const locus = coded.loci[locusIndex];
      const genotypes = coded.genotypes[locusIndex];
      if (locus === undefined || !genotypes) return false;
      const row = lookup.subarray(locusIndex * coded.stride, locusIndex * coded.stride + genotypes.list.length);
      return fillLocusTable(row, table, locus, genotypes, used, settings);
    }, groupIndex);
  });
  return remains.map((body, index) => ranking(body.id, index, tallies, groups, settings));
}

interface CandidateGroup {
  candidateIds: string[];
  references: readonly Reference[];
}

function groupByReferences(candidates: readonly ScreenCandidate[]): CandidateGroup[] {
  const groups = new Map<string, CandidateGroup>();
  for (const candidate of candidates) {
    // A candidate placed in an explicit pedigree is computed in it: its LR is its own.
    const key = candidate.pedigree
      ? `pedigree:${candidate.id}`
      : candidate.references.map((reference) => `${reference.id}:${reference.relationship}`).sort().join("|");
    const group = groups.get(key);
    if (group) group.candidateIds.push(candidate.id);
    else groups.set(key, { candidateIds: [candidate.id], references: candidate.references });
  }
  return [...groups.values()];
}

function ranking(remainsId: string, index: number, tallies: Tallies, groups: readonly CandidateGroup[], settings: ScreenSettings): ScreenRanking {
  const entry = (groupIndex: number, log10Lr: number): RankedCandidates | null => {
    const group = groups[groupIndex];
    return group ? { candidateIds: group.candidateIds, log10Lr } : null;
  };
  const best = entry(tallies.bestCandidate[index] ?? -1, tallies.best[index] ?? -Infinity);
  const runnerUp = entry(tallies.secondCandidate[index] ?? -1, tallies.second[index] ?? -Infinity);
  const isLead =
    best !== null &&
    best.log10Lr >= Math.log10(settings.minLikelihoodRatio) &&
    best.log10Lr - (runnerUp?.log10Lr ?? -Infinity) >= Math.log10(settings.minRatioToRunnerUp);
  return { remainsId, best, runnerUp, isLead, posterior: best ? posteriorProbability(best.log10Lr, settings.missingPersonCount) : null };
}

/** Posterior odds = LR × prior odds, with the prior 1/N: P = LR / (LR + N − 1). */
export function posteriorProbability(log10Lr: number, missingPersonCount: number): number {
  if (log10Lr === -Infinity) return 0;
  const others = Math.max(missingPersonCount - 1, 0);
  // In logs, so that an LR of 10^40 does not overflow on the way.
  return 1 / (1 + others * 10 ** -log10Lr);
}

/** A body and a group of candidates with the same references, with the screen's log10 LR. */
export interface ScreenPair {
  remainsId: string;
  candidateIds: string[];
  log10Lr: number;
}

/**
 * Every body × candidate group whose screen log10 LR (θ = 0, the per-family tables) is at least
 * `floorLog10`: the pairs the DVI layer recomputes exactly. The rest are reported as counts per body.
 */
export function screenCandidatePairs(
  table: FrequencyTable,
  remains: readonly ScreenRemains[],
  candidates: readonly ScreenCandidate[],
  options: KinshipOptions,
  floorLog10: number,
  exclusionLoci: number,
): { pairs: ScreenPair[]; belowFloor: Map<string, { count: number; lrSum: number; excluded: number }> } {
  const coded = codeRemains(table, remains);
  const lociCount = coded.loci.length;
  const { stride, codes } = coded;
  const pairs: ScreenPair[] = [];
  const belowFloor = new Map(remains.map((body) => [body.id, { count: 0, lrSum: 0, excluded: 0 }]));
  const tallies = remains.map((body) => belowFloor.get(body.id) as { count: number; lrSum: number; excluded: number });
  // One flat row per locus (stride entries, the last one "not typed" at 0), reused for every group:
  // the log10 LRs, and whether the genotype is inconsistent with the references without mutation.
  const logs = new Float64Array(lociCount * stride);
  const strict = new Uint8Array(lociCount * stride);
  const scratch = new Float64Array(stride);
  const active = new Int32Array(lociCount);
  const strictOptions = { ...options, mutationRate: 0 };
  for (const group of groupByReferences(candidates)) {
    const { used } = chooseReferences(group.references);
    let activeCount = 0;
    // Whether any genotype of any locus is flagged: when none is (a lone sibling, grandparent, …), no pair can be excluded.
    let anyStrict = false;
    coded.loci.forEach((locus, locusIndex) => {
      const genotypes = coded.genotypes[locusIndex];
      if (!genotypes) return;
      const count = genotypes.list.length;
      const row = logs.subarray(locusIndex * stride, locusIndex * stride + count);
      if (!fillLocusTable(row, table, locus, genotypes, used, options)) return;
      active[activeCount++] = locusIndex;
      const flags = strict.subarray(locusIndex * stride, (locusIndex + 1) * stride);
      flags.fill(0);
      // Without mutation an inconsistent locus has LR 0: the count the exclusion rule reads. A lone
      // relative who is not a parent or child (κ0 > 0) is never inconsistent: no table is needed.
      if (options.mutationRate === 0) {
        for (let code = 0; code < count; code += 1) {
          if (row[code] === -Infinity) {
            flags[code] = 1;
            anyStrict = true;
          }
        }
      } else if (!neverInconsistent(used, locus)) {
        const strictRow = scratch.subarray(0, count);
        fillLocusTable(strictRow, table, locus, genotypes, used, strictOptions);
        for (let code = 0; code < count; code += 1) {
          if (strictRow[code] === -Infinity) {
            flags[code] = 1;
            anyStrict = true;
          }
        }
      }
    });
    const shared = group.candidateIds.length;
    if (!anyStrict && exclusionLoci > 0) {
      // No locus can be inconsistent: the same sums without reading the flags (most groups at national scale).
      for (let body = 0, at = 0; body < remains.length; body += 1, at += lociCount) {
        let sum = 0;
        for (let position = 0; position < activeCount; position += 1) {
          const locusIndex = active[position] as number;
          const code = codes[at + locusIndex] as number;
          if (code === stride - 1) continue;
          sum += logs[locusIndex * stride + code] as number;
        }
        if (sum >= floorLog10) {
          pairs.push({ remainsId: (remains[body] as ScreenRemains).id, candidateIds: group.candidateIds, log10Lr: sum });
          continue;
        }
        const tally = tallies[body] as { count: number; lrSum: number; excluded: number };
        tally.count += shared;
        tally.lrSum += shared * 10 ** sum;
      }
      continue;
    }
    for (let body = 0, at = 0; body < remains.length; body += 1, at += lociCount) {
      let sum = 0;
      let inconsistent = 0;
      // The loci in their canonical order, so that every sum is the one a full pass adds. An
      // excluded pair's sum is never read: it stops at its last needed inconsistent locus.
      for (let position = 0; position < activeCount; position += 1) {
        const locusIndex = active[position] as number;
        const code = codes[at + locusIndex] as number;
        if (code === stride - 1) continue;
        sum += logs[locusIndex * stride + code] as number;
        if (strict[locusIndex * stride + code] === 1 && ++inconsistent >= exclusionLoci) break;
      }
      if (inconsistent < exclusionLoci && sum >= floorLog10) {
        pairs.push({ remainsId: (remains[body] as ScreenRemains).id, candidateIds: group.candidateIds, log10Lr: sum });
        continue;
      }
      const tally = tallies[body] as { count: number; lrSum: number; excluded: number };
      if (inconsistent >= exclusionLoci) tally.excluded += shared;
      else {
        tally.count += shared;
        tally.lrSum += shared * 10 ** sum;
      }
    }
  }
  return { pairs, belowFloor };
}

/** A lone typed relative other than a parent or child at this locus: κ0 > 0, no genotype is ever inconsistent. */
function neverInconsistent(references: readonly Reference[], locus: string): boolean {
  const plan = planLocus(references, locus);
  return plan?.kind === "single" && !PARENT_OR_CHILD.has(plan.relationship);
}
