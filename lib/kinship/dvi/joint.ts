import { numberIds, solveByFrontier, surelyTooManyNumberedStates } from "./frontier";
import type { DviPair } from "./types";

/**
 * log10 of a family's LR with several of its missing persons placed at once (`placements` sorted
 * by missing id): P(references and the placed bodies | each body is its missing person) against
 * the bodies unrelated. −Infinity when the combination is excluded.
 */
export type FamilyJointLog10 = (family: string, placements: readonly (readonly [missing: string, body: string])[]) => number;

export interface JointProblem {
  /** Every body still unidentified, in output order. */
  bodies: readonly string[];
  /** Candidate pairs only (none excluded). */
  pairs: readonly DviPair[];
  familyJointLog10: FamilyJointLog10;
  /** log10 of the prior weight of leaving one body "not in the database". */
  log10NotInDatabase: number;
  /** Per body, a log10 weight of "not in the database" that replaces the common one. */
  log10NotInDatabaseOf?: ReadonlyMap<string, number>;
  searchLimit: number;
  /** Enumerate only the components holding these bodies (all when absent). */
  onlyBodies?: ReadonlySet<string>;
}

export interface RankedAssignment {
  /** Body → FAMILY:ID, or null for not in the database, over one component's bodies. */
  assignment: Record<string, string | null>;
  log10Weight: number;
  probability: number;
}

export interface JointResult {
  /** Body → (FAMILY:ID or "" for not in the database) → posterior probability. */
  probabilities: Map<string, Map<string, number>>;
  /** The most probable joint assignment (component by component). */
  best: Map<string, string | null>;
  /** Per component of more than one pair, its most probable assignments, best first. */
  ranked: RankedAssignment[][];
  /** Pairs set aside (treated as excluded) because a component was too large to enumerate. */
  setAside: DviPair[];
  /**
   * Set-aside pairs can change the normalising sum by at most this factor, Π (1 + LR/w), for
   * families with one missing person; 1 when the enumeration was exact.
   */
  errorFactor: number;
}

export const NOT_IN_DATABASE = "";
const RANKED_KEPT = 5;

class LimitExceeded extends Error {}

/** The pairs by `key`, each list in the pairs' order, the keys in order of first appearance. */
export function groupBy<Item = DviPair>(pairs: readonly Item[], key: (pair: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const pair of pairs) {
    const id = key(pair);
    const group = groups.get(id);
    if (group) group.push(pair);
    else groups.set(id, [pair]);
  }
  return groups;
}

interface Enumeration {
  bodies: string[];
  /** Calls visit(log10 weight, choice per body) on every assignment of the component. */
  run(visit: (log10Weight: number, choice: readonly (DviPair | null)[]) => void): void;
}

function enumeration(pairs: readonly DviPair[], problem: JointProblem): Enumeration {
  const byBody = groupBy(pairs, (pair) => pair.body);
  const bodies = [...byBody.keys()];
  const candidates = bodies.map((body) => byBody.get(body) ?? []);
  const nullWeights = bodies.map((body) => problem.log10NotInDatabaseOf?.get(body) ?? problem.log10NotInDatabase);
  return {
    bodies,
    run(visit) {
      const used = new Set<string>();
      const placed = new Map<string, (readonly [string, string])[]>();
      const familyLog = new Map<string, number>();
      const choice: (DviPair | null)[] = bodies.map(() => null);
      const step = (index: number, weight: number): void => {
        if (index === bodies.length) return visit(weight, choice);
        choice[index] = null;
        step(index + 1, weight + (nullWeights[index] ?? problem.log10NotInDatabase));
        for (const pair of candidates[index] ?? []) {
          if (used.has(pair.key)) continue;
          const before = placed.get(pair.family) ?? [];
          const after = [...before, [pair.missing, pair.body] as const].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          const previous = familyLog.get(pair.family) ?? 0;
          const next = before.length === 0 ? pair.log10Lr : problem.familyJointLog10(pair.family, after);
          if (next === -Infinity) continue;
          used.add(pair.key);
          placed.set(pair.family, after);
          familyLog.set(pair.family, next);
          choice[index] = pair;
          step(index + 1, weight + next - previous);
          used.delete(pair.key);
          placed.set(pair.family, before);
          familyLog.set(pair.family, previous);
        }
        choice[index] = null;
      };
      step(0, 0);
    },
  };
}

/**
 * Whether a component surely has more assignments than `limit`, from a cheap lower bound: pairs with
 * distinct bodies, distinct families and a finite LR, each subset of them one assignment (the rest
 * not in the database), 2^m for m of them; m is grown greedily.
 */
export function surelyTooManyAssignments(pairs: readonly DviPair[], limit: number): boolean {
  const needed = Math.floor(Math.log2(limit)) + 1;
  const bodies = new Set<string>();
  const families = new Set<string>();
  for (const pair of pairs) {
    if (bodies.has(pair.body) || families.has(pair.family) || !Number.isFinite(pair.log10Lr)) continue;
    bodies.add(pair.body);
    families.add(pair.family);
    if (bodies.size >= needed) return true;
  }
  return false;
}

/** Exact sums over every assignment of one component, or null when it has more than the limit. */
function solveExactly(pairs: readonly DviPair[], problem: JointProblem, result: JointResult): boolean {
  // Too large surely: enumerating up to the limit to find it out was a large share of the layer's time.
  if (surelyTooManyAssignments(pairs, problem.searchLimit)) return false;
  const search = enumeration(pairs, problem);
  let leaves = 0;
  let max = -Infinity;
  try {
    search.run((weight) => {
      if (++leaves > problem.searchLimit) throw new LimitExceeded();
      if (weight > max) max = weight;
    });
  } catch (error) {
    if (error instanceof LimitExceeded) return false;
    throw error;
  }
  const sums = search.bodies.map(() => new Map<string, number>());
  let total = 0;
  let top: { weight: number; choice: (DviPair | null)[] }[] = [];
  search.run((weight, choice) => {
    const term = 10 ** (weight - max);
    total += term;
    choice.forEach((pair, index) => {
      const sum = sums[index] as Map<string, number>;
      const key = pair?.key ?? NOT_IN_DATABASE;
      sum.set(key, (sum.get(key) ?? 0) + term);
    });
    if (top.length < RANKED_KEPT || weight > (top[top.length - 1]?.weight ?? -Infinity)) {
      top = [...top, { weight, choice: [...choice] }].sort((a, b) => b.weight - a.weight).slice(0, RANKED_KEPT);
    }
  });
  search.bodies.forEach((body, index) => {
    const probabilities = new Map<string, number>();
    for (const [key, sum] of sums[index] ?? []) probabilities.set(key, sum / total);
    result.probabilities.set(body, probabilities);
    result.best.set(body, top[0]?.choice[index]?.key ?? null);
  });
  if (pairs.length > 1) {
    result.ranked.push(
      top.map(({ weight, choice }) => ({
        assignment: Object.fromEntries(search.bodies.map((body, index) => [body, choice[index]?.key ?? null])),
        log10Weight: weight,
        probability: 10 ** (weight - max) / total,
      })),
    );
  }
  return true;
}

/**
 * A problem's pairs numbered once (solveJoint): bodies, families and keys as integers, each pair by
 * its position in problem.pairs. The national layer's component of a million pairs is cut and tried
 * again about ten times; the components, the bounds and the order of the cut, each on maps and sets
 * of strings per pair and try, were most of the solver's time. Every step below makes the same
 * choices as it did on the strings, in the same order.
 */
interface NumberedProblem {
  pairs: readonly DviPair[];
  body: Int32Array;
  family: Int32Array;
  key: Int32Array;
  log10: Float64Array;
  bodyCount: number;
  familyCount: number;
  keyCount: number;
  /** Whether some family has more than one key among all the pairs (then checked per component). */
  severalKeys: boolean;
}

function numberProblem(pairs: readonly DviPair[]): NumberedProblem {
  const ids = () => {
    const map = new Map<string, number>();
    return (id: string) => {
      let at = map.get(id);
      if (at === undefined) {
        at = map.size;
        map.set(id, at);
      }
      return at;
    };
  };
  const [bodyOf, familyOf, keyOf] = [ids(), ids(), ids()];
  const body = new Int32Array(pairs.length);
  const family = new Int32Array(pairs.length);
  const key = new Int32Array(pairs.length);
  const log10 = new Float64Array(pairs.length);
  let [bodyCount, familyCount, keyCount] = [0, 0, 0];
  pairs.forEach((pair, index) => {
    body[index] = bodyOf(pair.body);
    family[index] = familyOf(pair.family);
    key[index] = keyOf(pair.key);
    log10[index] = pair.log10Lr;
    bodyCount = Math.max(bodyCount, (body[index] as number) + 1);
    familyCount = Math.max(familyCount, (family[index] as number) + 1);
    keyCount = Math.max(keyCount, (key[index] as number) + 1);
  });
  const firstKey = new Int32Array(familyCount).fill(-1);
  let severalKeys = false;
  for (let index = 0; index < pairs.length && !severalKeys; index += 1) {
    const f = family[index] as number;
    if (firstKey[f] === -1) firstKey[f] = key[index] as number;
    else if (firstKey[f] !== key[index]) severalKeys = true;
  }
  return { pairs, body, family, key, log10, bodyCount, familyCount, keyCount, severalKeys };
}

/**
 * components() of the numbered pairs `group` (positions in problem.pairs): the same groups, each in
 * the given order, in order of their first pair (which node becomes a root does not change which
 * pairs share one).
 */
function numberedComponents(problem: NumberedProblem, group: ArrayLike<number>): Int32Array[] {
  const { body, family, bodyCount } = problem;
  const parent = new Int32Array(bodyCount + problem.familyCount);
  for (let at = 0; at < group.length; at += 1) {
    const index = group[at] as number;
    const b = body[index] as number;
    const f = bodyCount + (family[index] as number);
    parent[b] = b;
    parent[f] = f;
  }
  const find = (start: number): number => {
    let root = start;
    while (parent[root] !== root) root = parent[root] as number;
    let at = start;
    while (parent[at] !== root) {
      const next = parent[at] as number;
      parent[at] = root;
      at = next;
    }
    return root;
  };
  for (let at = 0; at < group.length; at += 1) {
    const index = group[at] as number;
    const a = find(body[index] as number);
    const b = find(bodyCount + (family[index] as number));
    if (a !== b) parent[a] = b;
  }
  // Each pair's component, numbered in order of first pair; then the pairs laid out by component.
  const componentOfRoot = new Int32Array(parent.length).fill(-1);
  const componentOf = new Int32Array(group.length);
  const sizes: number[] = [];
  for (let at = 0; at < group.length; at += 1) {
    const root = find(body[group[at] as number] as number);
    let component = componentOfRoot[root] as number;
    if (component === -1) {
      component = sizes.length;
      componentOfRoot[root] = component;
      sizes.push(0);
    }
    componentOf[at] = component;
    sizes[component] = (sizes[component] as number) + 1;
  }
  const out = sizes.map((size) => new Int32Array(size));
  const filled = new Int32Array(sizes.length);
  for (let at = 0; at < group.length; at += 1) {
    const component = componentOf[at] as number;
    const position = filled[component] as number;
    (out[component] as Int32Array)[position] = group[at] as number;
    filled[component] = position + 1;
  }
  return out;
}

/** surelyTooManyAssignments of numbered pairs: the same greedy choice, on integers. */
function numberedSurelyTooManyAssignments(problem: NumberedProblem, group: Int32Array, limit: number): boolean {
  const needed = Math.floor(Math.log2(limit)) + 1;
  const bodies = new Uint8Array(problem.bodyCount);
  const families = new Uint8Array(problem.familyCount);
  let size = 0;
  for (const index of group) {
    const b = problem.body[index] as number;
    const f = problem.family[index] as number;
    if (bodies[b] || families[f] || !Number.isFinite(problem.log10[index] as number)) continue;
    bodies[b] = 1;
    families[f] = 1;
    size += 1;
    if (size >= needed) return true;
  }
  return false;
}

/** Whether some family of the group has more than one key (several missing persons in the component). */
function numberedSeveralKeys(problem: NumberedProblem, group: Int32Array): boolean {
  if (!problem.severalKeys) return false;
  const firstKey = new Int32Array(problem.familyCount).fill(-1);
  for (const index of group) {
    const f = problem.family[index] as number;
    if (firstKey[f] === -1) firstKey[f] = problem.key[index] as number;
    else if (firstKey[f] !== problem.key[index]) return true;
  }
  return false;
}

/** A component too large to enumerate, every family with one missing person: the frontier sums. */
function solveLarge(problem: JointProblem, numbered: NumberedProblem, group: Int32Array, result: JointResult): boolean {
  if (numberedSeveralKeys(numbered, group)) return false;
  // The dynamic programme would stop at the limit anyway; a component surely past it is not tried.
  const bodies = new Int32Array(group.length);
  const keys = new Int32Array(group.length);
  for (let at = 0; at < group.length; at += 1) {
    bodies[at] = numbered.body[group[at] as number] as number;
    keys[at] = numbered.key[group[at] as number] as number;
  }
  const ids = numberIds(bodies, keys, numbered.bodyCount, numbered.keyCount);
  if (surelyTooManyNumberedStates(ids, problem.searchLimit)) return false;
  const pairs = Array.from(group, (index) => numbered.pairs[index] as DviPair);
  const solved = solveByFrontier(pairs, (body) => problem.log10NotInDatabaseOf?.get(body) ?? problem.log10NotInDatabase, problem.searchLimit);
  if (!solved) return false;
  solved.bodies.forEach((body, index) => {
    result.probabilities.set(body, solved.probabilities[index] ?? new Map());
    result.best.set(body, solved.best[index]?.key ?? null);
  });
  return true;
}

/**
 * dvir's jointDVI with posterior pairing probabilities (its Bmarginal), by component: every
 * assignment of bodies to missing persons (each at most once) or to "not in the database" has
 * weight w^(bodies not in the database) × Π over families of the family's joint LR; the posterior
 * of a pair is the summed weight of the assignments holding it over the summed weight of all.
 * A component with more assignments than the limit is summed by dynamic programming over its bodies
 * when each of its families has one missing person (exact; solveByFrontier); when that too would
 * hold more than the limit in states, or a family has several missing persons in it, the weakest
 * tenth of its pairs (lowest LR) is set aside and it is solved again, split where it falls apart;
 * the set-aside pairs are reported.
 */
export function solveJoint(problem: JointProblem): JointResult {
  const result: JointResult = { probabilities: new Map(), best: new Map(), ranked: [], setAside: [], errorFactor: 1 };
  for (const body of problem.bodies) {
    result.probabilities.set(body, new Map([[NOT_IN_DATABASE, 1]]));
    result.best.set(body, null);
  }
  const numbered = numberProblem(problem.pairs);
  const { log10 } = numbered;
  const queue = numberedComponents(numbered, Int32Array.from(problem.pairs, (_, index) => index)).filter(
    (group) => !problem.onlyBodies || Array.from(group).some((index) => problem.onlyBodies?.has((problem.pairs[index] as DviPair).body)),
  );
  while (queue.length > 0) {
    const group = queue.pop() as Int32Array;
    // solveExactly's own first test, on integers: a component surely too large is not enumerated.
    if (!numberedSurelyTooManyAssignments(numbered, group, problem.searchLimit) && solveExactly(Array.from(group, (index) => problem.pairs[index] as DviPair), problem, result)) continue;
    if (solveLarge(problem, numbered, group, result)) continue;
    // By LR, a stable sort (ties keep the group's order). A group cut before is in this order already
    // (its pairs keep the order of the sorted list they came from), and sorting it again changes nothing.
    let inOrder = true;
    for (let at = 1; at < group.length && inOrder; at += 1) if ((log10[group[at - 1] as number] as number) - (log10[group[at] as number] as number) > 0) inOrder = false;
    const sorted = inOrder ? group : Int32Array.from(Array.from(group).sort((a, b) => (log10[a] as number) - (log10[b] as number)));
    const droppedCount = Math.max(1, Math.ceil(group.length / 10));
    for (let at = 0; at < droppedCount; at += 1) {
      const pair = problem.pairs[sorted[at] as number] as DviPair;
      result.setAside.push(pair);
      result.errorFactor *= 1 + 10 ** (pair.log10Lr - (problem.log10NotInDatabaseOf?.get(pair.body) ?? problem.log10NotInDatabase));
    }
    queue.push(...numberedComponents(numbered, sorted.subarray(droppedCount)));
  }
  return result;
}
