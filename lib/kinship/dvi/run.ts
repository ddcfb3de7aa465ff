import type { FrequencyInput } from "../pedigree/ratio";
import { solveJoint, type JointResult, type RankedAssignment } from "./joint";
import { compareFamily, isExcluded, placeBody } from "./pairwise";
import { missingKey, type DviBody, type DviFamily, type DviOptions, type DviPair } from "./types";
import { findUndisputed } from "./undisputed";

export interface UndisputedMatch {
  pair: DviPair;
  /** 1 for the first pass; later passes use the bodies identified before as references. */
  round: number;
  /** Posterior of the pair from the joint model of its round (all LRs in its row and column). */
  probability: number;
}

export interface DviResult {
  /** Every comparison, as last computed (after conditioning on earlier undisputed matches). */
  pairs: DviPair[];
  undisputed: UndisputedMatch[];
  /** Body → FAMILY:ID, or null for not in the database. */
  best: Map<string, string | null>;
  /** Body → (FAMILY:ID, or "" for not in the database) → posterior probability. */
  probabilities: Map<string, Map<string, number>>;
  ranked: RankedAssignment[][];
  setAside: DviPair[];
  errorFactor: number;
  rounds: number;
}

function familyJoint(families: ReadonlyMap<string, DviFamily>, bodies: ReadonlyMap<string, DviBody>, frequencies: FrequencyInput, options: DviOptions) {
  const memo = new Map<string, number>();
  return (familyId: string, placements: readonly (readonly [string, string])[]): number => {
    const memoKey = `${familyId}\u0000${placements.map((placement) => placement.join("\u0001")).join("\u0000")}`;
    const known = memo.get(memoKey);
    if (known !== undefined) return known;
    let family = families.get(familyId) as DviFamily;
    let total = 0;
    // The chain rule: each body's LR given the references and the bodies placed before it.
    for (const [missing, bodyId] of placements) {
      const body = bodies.get(bodyId) as DviBody;
      const result = placeBody(family, missing, body, frequencies, options);
      if (isExcluded(result.inconsistentLoci.length, result.lr, false, options.exclusionLoci)) {
        total = -Infinity;
        break;
      }
      total += result.log10Lr;
      family = conditionOn(family, missing, body);
    }
    memo.set(memoKey, total);
    return total;
  };
}

/** The family with `body` typed as its missing person `missing`, who is no longer missing. */
function conditionOn(family: DviFamily, missing: string, body: DviBody): DviFamily {
  return {
    ...family,
    missing: family.missing.filter((id) => id !== missing),
    profiles: { ...family.profiles, [missing]: body.profile },
    dropout: body.dropout === undefined ? family.dropout : { ...(family.dropout ?? {}), [missing]: body.dropout },
  };
}

function jointOf(pairs: readonly DviPair[], families: Map<string, DviFamily>, bodies: Map<string, DviBody>, frequencies: FrequencyInput, options: DviOptions, only?: Set<string>): JointResult {
  return solveJoint({
    bodies: [...bodies.keys()],
    pairs: pairs.filter((pair) => !pair.excluded),
    familyJointLog10: familyJoint(families, bodies, frequencies, options),
    log10NotInDatabase: Math.log10(options.notInDatabaseWeight),
    searchLimit: options.searchLimit,
    onlyBodies: only,
  });
}

/**
 * The decision layer of issue #22 on the exact pedigree engine: the exclusion matrix, undisputed
 * matches found and used as references round by round (dvir's findUndisputed with iterative
 * conditioning), then the joint assignment and posterior pairing probabilities of the rest.
 */
export function runDvi(inputBodies: readonly DviBody[], inputFamilies: readonly DviFamily[], frequencies: FrequencyInput, options: DviOptions): DviResult {
  const bodies = new Map(inputBodies.map((body) => [body.id, body]));
  const families = new Map(inputFamilies.map((family) => [family.id, family]));
  const latest = new Map<string, DviPair>();
  const pairKey = (pair: DviPair) => `${pair.body}\u0000${pair.key}`;
  let current: DviPair[] = inputFamilies.flatMap((family) => compareFamily(family, inputBodies, frequencies, options));
  const undisputed: UndisputedMatch[] = [];
  const best = new Map<string, string | null>();
  const probabilities = new Map<string, Map<string, number>>();
  let rounds = 0;
  for (;;) {
    rounds += 1;
    for (const pair of current) latest.set(pairKey(pair), pair);
    const found = findUndisputed(current, options.threshold);
    if (found.length === 0) break;
    const joint = jointOf(current, families, bodies, frequencies, options, new Set(found.map((pair) => pair.body)));
    for (const pair of found) {
      undisputed.push({ pair, round: rounds, probability: joint.probabilities.get(pair.body)?.get(pair.key) ?? 0 });
      best.set(pair.body, pair.key);
      probabilities.set(pair.body, new Map([[pair.key, joint.probabilities.get(pair.body)?.get(pair.key) ?? 0]]));
      const body = bodies.get(pair.body) as DviBody;
      families.set(pair.family, conditionOn(families.get(pair.family) as DviFamily, pair.missing, body));
      bodies.delete(pair.body);
    }
    const changed = new Set(found.map((pair) => pair.family));
    current = [
      ...current.filter((pair) => !changed.has(pair.family) && bodies.has(pair.body)),
      ...[...changed].flatMap((id) => compareFamily(families.get(id) as DviFamily, [...bodies.values()], frequencies, options)),
    ];
  }
  const joint = jointOf(current, families, bodies, frequencies, options);
  for (const body of bodies.keys()) {
    best.set(body, joint.best.get(body) ?? null);
    probabilities.set(body, joint.probabilities.get(body) ?? new Map());
  }
  const order = new Map(inputBodies.map((body, index) => [body.id, index]));
  const familyOrder = new Map(inputFamilies.flatMap((family) => family.missing.map((missing) => missingKey(family.id, missing))).map((key, index) => [key, index]));
  const pairs = [...latest.values()].sort(
    (a, b) => (order.get(a.body) ?? 0) - (order.get(b.body) ?? 0) || (familyOrder.get(a.key) ?? 0) - (familyOrder.get(b.key) ?? 0),
  );
  return { pairs, undisputed, best, probabilities, ranked: joint.ranked, setAside: joint.setAside, errorFactor: joint.errorFactor, rounds };
}
