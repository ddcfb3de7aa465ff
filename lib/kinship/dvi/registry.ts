import type { FrequencyTable } from "../frequencies";
import { prepareKinship, shareBetweenFamilies, type KinshipResult, type PreparedKinship } from "../likelihood";
import { GenotypeCodes, type CodedProfile } from "../pedigree/coded-profiles";
import { screenCandidatePairs, type ScreenCandidate, type ScreenPair, type ScreenRemains } from "../screen";
import type { KinshipOptions, Profile } from "../types";
import { groupBy, NOT_IN_DATABASE, solveJoint } from "./joint";
import { isExcluded } from "./pairwise";
import { DEFAULT_EXCLUSION_LOCI, searchSizeThreshold, type DviPair } from "./types";
import { findUndisputed, runnersUp } from "./undisputed";

/** Bounds each joint component's enumeration and dynamic programme on a page request. */
const REGISTRY_SEARCH_LIMIT = 20_000;

/**
 * A family's no-mutation test of inconsistency at a locus is computed once for all its candidate
 * bodies (the missing person's genes left open, lib/kinship/pedigree/family-locus.ts) when they
 * show at least this many distinct genotypes there; below it, genotype by genotype. The same
 * answers either way.
 */
export const SHARED_LOCUS_MINIMUM_GENOTYPES = 3;

/**
 * The first pair of `row` sorted (stably) by posterior, then LR, both descending: found in one pass,
 * each pair's posterior read once (sorting every row with two map lookups per comparison was a tenth
 * of the national layer's rows). With finite LRs and posteriors the comparison is a total preorder,
 * so the sort's first pair is the earliest of the greatest; otherwise (never met) the sort decides.
 */
export function mostProbable<Pair extends DviPair>(row: readonly Pair[], probabilities: ReadonlyMap<string, number>): Pair | null {
  const compare = (a: Pair, b: Pair) => (probabilities.get(b.key) ?? 0) - (probabilities.get(a.key) ?? 0) || b.lr - a.lr;
  let best: Pair | null = null;
  let bestProbability = 0;
  for (const pair of row) {
    const probability = probabilities.get(pair.key) ?? 0;
    if (!Number.isFinite(probability) || !Number.isFinite(pair.lr)) return [...row].sort(compare)[0] ?? null;
    if (best === null || probability > bestProbability || (probability === bestProbability && pair.lr > best.lr)) {
      best = pair;
      bestProbability = probability;
    }
  }
  return best;
}

/** A pair and the position of its screen pair (in screenCandidatePairs' list). */
interface RegistryPair extends DviPair {
  screenIndex: number;
}

/** The registry's reference sets are one pedigree per missing person: its family is named by it. */
const MISSING = "MP";

export interface RegistryDviSettings extends KinshipOptions {
  /** T of the undisputed rule asked for; the layer raises it with the size of the search (searchSizeThreshold). */
  threshold: number;
  /** Prior weight of "not in the database" against one missing person with references. */
  notInDatabaseWeight: number;
  /** Pairs whose screen log10 LR is below this are not recomputed; their LR mass is reported. */
  floorLog10: number;
  /** See SHARED_LOCUS_MINIMUM_GENOTYPES (Infinity: every locus genotype by genotype). */
  sharedLocusMinimumGenotypes?: number;
  /** Whether shared loci give the likelihoods too, not only the inconsistency test (ExpectedProfiles.likelihoods; slower, measured). */
  sharedLikelihoods?: boolean;
}

export interface RegistryDviRow {
  remainsId: string;
  /** The candidates of the body's most probable pair (more than one when they share every reference). */
  bestIds: string[];
  best: KinshipResult | null;
  /** P(the body is one of bestIds | all data); each of them alone has an equal share. */
  probability: number | null;
  notInDatabase: number;
  rowRunnerUp: { candidateId: string; log10Lr: number } | null;
  columnRunnerUp: { remainsId: string; log10Lr: number } | null;
  isLead: boolean;
  /** Candidates excluded for this body: ≥ 3 inconsistent loci (on the screen or exactly) or an LR of 0. */
  excluded: number;
  /** Candidates not recomputed (screen LR below the floor) and their summed screen LR. */
  belowFloor: { count: number; lrSum: number };
}

/**
 * The DVI layer over the registry's screen: every pair the screen does not put below the floor is
 * recomputed exactly (with the mutation model, counting inconsistent loci), excluded at 3 such loci;
 * undisputed pairs (LR ≥ T and ≥ T × every other LR in row and column, T raised with the number of
 * comparisons: searchSizeThreshold) are the leads; posteriors
 * come from the joint model over all recomputed pairs. Each missing person has a pedigree of their
 * own here, so no body conditions another's LR (iterative conditioning needs family pedigrees with
 * several missing members, which the registry does not record yet).
 */
export function registryDvi(table: FrequencyTable, remains: readonly ScreenRemains[], candidates: readonly ScreenCandidate[], settings: RegistryDviSettings) {
  const { pairs: screened, belowFloor } = screenCandidatePairs(table, remains, candidates, settings, settings.floorLog10, DEFAULT_EXCLUSION_LOCI);
  const profiles = new Map(remains.map((body) => [body.id, body.profile]));
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  // Each pair knows its screen pair's position (screenIndex): the row's best pair gets its full result from it.
  const pairs: RegistryPair[] = [];
  // Families whose references show the same genotypes at a locus in the same pedigree shape share its computations.
  const families = shareBetweenFamilies(table, settings);
  // Each family's screen pairs by position in `screened` (the screen's order within a family).
  const bodiesOf = new Map<string, number[]>();
  screened.forEach((entry, index) => {
    const candidateId = entry.candidateIds[0] ?? "";
    const list = bodiesOf.get(candidateId);
    if (list) list.push(index);
    else bodiesOf.set(candidateId, [index]);
  });
  const prepare = (candidateId: string, indexes: readonly number[]) => {
    const candidate = byId.get(candidateId);
    const explicit = candidate?.pedigree ? { pedigree: candidate.pedigree, missingId: candidate.id } : undefined;
    const expected = {
      profiles: indexes.map((index) => profiles.get((screened[index] as ScreenPair).remainsId) as Profile),
      minimumGenotypes: settings.sharedLocusMinimumGenotypes ?? SHARED_LOCUS_MINIMUM_GENOTYPES,
      likelihoods: settings.sharedLikelihoods ?? false,
    };
    return prepareKinship(table, candidate?.references ?? [], settings, explicit, expected, families);
  };
  // Each family prepared once (its bodies share each locus's computation per genotype) and all its
  // bodies computed together, so that its per-genotype caches can be let go before the next
  // family's (the screen lists pairs body by body: every family's caches stayed alive to the end).
  // Only what the rule and the joint model read is kept of each pair (its LR and inconsistent
  // loci); the full result (per-locus LRs, warnings) is made again for each row's best pair alone,
  // from the same computations (the shared store holds every one of them), so the same numbers.
  // Pairs are then listed in the screen's order, as before (ties between them resolve by that order).
  // Each body's loci and genotypes numbered once for the run: a family finds each locus's outcome
  // by array reads (coded-profiles.ts), the same outcomes in the same order.
  const genotypeCodes = new GenotypeCodes();
  const coded = new Map(remains.map((body) => [body.id, genotypeCodes.code(body.profile)]));
  // By position in `screened` (a Map keyed by 1.4 M pair objects at national scale was a cost of its own),
  // the LRs in a typed array: the answers' objects then die young instead of surviving to the end.
  const exactLr = new Float64Array(screened.length);
  const exactLoci = new Array<readonly string[]>(screened.length);
  for (const [candidateId, indexes] of bodiesOf) {
    const compute = prepare(candidateId, indexes);
    for (const index of indexes) {
      const result = compute.lrAndInconsistentCoded(coded.get((screened[index] as ScreenPair).remainsId) as CodedProfile);
      exactLr[index] = result.lr;
      exactLoci[index] = result.inconsistentLoci;
    }
  }
  for (let screenIndex = 0; screenIndex < screened.length; screenIndex += 1) {
    const entry = screened[screenIndex] as ScreenPair;
    const resultLr = exactLr[screenIndex] as number;
    const inconsistentLoci = exactLoci[screenIndex] as readonly string[];
    for (const candidateId of entry.candidateIds) {
      const lr = Number.isNaN(resultLr) ? 0 : resultLr;
      const pair: RegistryPair = {
        body: entry.remainsId,
        family: candidateId,
        missing: MISSING,
        key: candidateId,
        lr,
        log10Lr: Math.log10(lr),
        inconsistentLoci,
        sexMismatch: false,
        excluded: isExcluded(inconsistentLoci.length, lr, false, DEFAULT_EXCLUSION_LOCI),
        screenIndex,
      };
      pairs.push(pair);
    }
  }
  const fullResults = new Map<string, PreparedKinship>();
  const fullResult = (entry: ScreenPair): KinshipResult => {
    const candidateId = entry.candidateIds[0] ?? "";
    let compute = fullResults.get(candidateId);
    if (!compute) {
      compute = prepare(candidateId, bodiesOf.get(candidateId) ?? []);
      fullResults.set(candidateId, compute);
    }
    // By number, as the exact pass asked: the shared store holds its outcomes under the numbers alone.
    return compute.fullCoded(coded.get(entry.remainsId) as CodedProfile);
  };
  // Candidates with the very same references cannot be told apart by DNA: one column for the rule.
  // (Set in a loop: the same entries in the same order as a Map made from every pair's tuples, without the 1.4 M tuples.)
  const representative = new Map<string, string>();
  for (const entry of screened) for (const id of entry.candidateIds) representative.set(id, entry.candidateIds[0] ?? id);
  // Every body is compared with every missing person, excluded or below the floor or not: each comparison is a chance to meet a chance ratio.
  const comparisons = remains.length * candidates.length;
  const threshold = searchSizeThreshold(settings.threshold, comparisons);
  const undisputed = new Set(findUndisputed(pairs.filter((pair) => representative.get(pair.key) === pair.key), threshold).map((pair) => pair.body));
  // Pairs weaker than "not in the database" itself (LR < w) are folded into the body's weight of
  // "not in the database", as the pairs below the floor are: their column constraint is ignored,
  // which keeps the joint components small. The folded weight is shared out again afterwards.
  const w = settings.notInDatabaseWeight;
  const folded = pairs.filter((pair) => !pair.excluded && pair.lr < w);
  const foldedOf = groupBy(folded, (pair) => pair.body);
  const foldedMass = new Map<string, number>();
  for (const pair of folded) foldedMass.set(pair.body, (foldedMass.get(pair.body) ?? 0) + pair.lr);
  const outsideWeight = (body: string) => w + (belowFloor.get(body)?.lrSum ?? 0) + (foldedMass.get(body) ?? 0);
  const joint = solveJoint({
    bodies: remains.map((body) => body.id),
    pairs: pairs.filter((pair) => !pair.excluded && pair.lr >= w),
    familyJointLog10: () => -Infinity,
    log10NotInDatabase: Math.log10(w),
    log10NotInDatabaseOf: new Map(remains.map((body) => [body.id, Math.log10(outsideWeight(body.id))])),
    searchLimit: REGISTRY_SEARCH_LIMIT,
  });
  for (const body of remains) {
    const probabilities = joint.probabilities.get(body.id) ?? new Map<string, number>([[NOT_IN_DATABASE, 1]]);
    const outside = probabilities.get(NOT_IN_DATABASE) ?? 0;
    const share = outside / outsideWeight(body.id);
    for (const pair of foldedOf.get(body.id) ?? []) probabilities.set(pair.key, pair.lr * share);
    probabilities.set(NOT_IN_DATABASE, w * share);
    joint.probabilities.set(body.id, probabilities);
  }
  const byBody = groupBy(pairs, (pair) => pair.body);
  const byKey = groupBy(pairs, (pair) => pair.key);
  const rows = remains.map((body): RegistryDviRow => {
    const row = (byBody.get(body.id) ?? []).filter((pair) => !pair.excluded);
    const probabilities = joint.probabilities.get(body.id) ?? new Map<string, number>();
    const top = mostProbable(row, probabilities);
    const tied = top ? row.filter((pair) => representative.get(pair.key) === representative.get(top.key)) : [];
    // Row: the other groups of candidates for this body (each by its representative); column: the
    // other bodies for this candidate. Each list keeps the pairs' order, so ties resolve as before.
    const compared = top
      ? [
          ...(byBody.get(body.id) ?? []).filter((pair) => pair.key !== top.key && representative.get(pair.key) === pair.key && representative.get(pair.key) !== representative.get(top.key)),
          ...(byKey.get(top.key) ?? []),
        ]
      : [];
    const { row: rowRunnerUp, column: columnRunnerUp } = top ? runnersUp(top, compared) : { row: null, column: null };
    return {
      remainsId: body.id,
      bestIds: tied.map((pair) => pair.key),
      best: top ? fullResult(screened[top.screenIndex] as ScreenPair) : null,
      probability: top ? tied.reduce((sum, pair) => sum + (probabilities.get(pair.key) ?? 0), 0) : null,
      notInDatabase: probabilities.get(NOT_IN_DATABASE) ?? 1,
      rowRunnerUp: rowRunnerUp ? { candidateId: rowRunnerUp.key, log10Lr: rowRunnerUp.log10Lr } : null,
      columnRunnerUp: columnRunnerUp ? { remainsId: columnRunnerUp.body, log10Lr: columnRunnerUp.log10Lr } : null,
      isLead: top !== null && undisputed.has(body.id),
      excluded: (byBody.get(body.id) ?? []).filter((pair) => pair.excluded).length + (belowFloor.get(body.id)?.excluded ?? 0),
      belowFloor: { count: belowFloor.get(body.id)?.count ?? 0, lrSum: belowFloor.get(body.id)?.lrSum ?? 0 },
    };
  });
  return { rows, setAside: joint.setAside.length, errorFactor: joint.errorFactor, threshold, comparisons };
}
