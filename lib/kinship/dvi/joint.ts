import { solveByFrontier, surelyTooManyStates } from "./frontier";
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

/**
 * Components of the graph bodies — families joined by candidate pairs, each in the pairs' order, in
 * order of their first pair. Union–find over integer nodes (bodies, then families, numbered as met).
 */
function components(pairs: readonly DviPair[]): DviPair[][] {
  const bodyNode = new Map<string, number>();
  const familyNode = new Map<string, number>();
  const parent: number[] = [];
  const node = (map: Map<string, number>, id: string) => {
    let at = map.get(id);
    if (at === undefined) {
      at = parent.length;
      parent.push(at);
      map.set(id, at);
    }
    return at;
  };
  const find = (start: number): number => {
    let root = start;
    while (parent[root] !== root) root = parent[root] as number;
    // Path compression: every node on the way points at the root.
    let at = start;
    while (parent[at] !== root) {
      const next = parent[at] as number;
      parent[at] = root;
      at = next;
    }
    return root;
  };
  const bodyOf: number[] = [];
  for (const pair of pairs) {
    const body = node(bodyNode, pair.body);
    const family = node(familyNode, pair.family);
    bodyOf.push(body);
    parent[find(body)] = find(family);
  }
  const groups = new Map<number, DviPair[]>();
  pairs.forEach((pair, index) => {
    const root = find(bodyOf[index] as number);
    const group = groups.get(root);
    if (group) group.push(pair);
    else groups.set(root, [pair]);
  });
  return [...groups.values()];
}

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

/** A component too large to enumerate, every family with one missing person: the frontier sums. */
function solveLarge(pairs: readonly DviPair[], problem: JointProblem, result: JointResult): boolean {
  const keysOfFamily = new Map<string, Set<string>>();
  for (const pair of pairs) keysOfFamily.set(pair.family, (keysOfFamily.get(pair.family) ?? new Set()).add(pair.key));
  if ([...keysOfFamily.values()].some((keys) => keys.size > 1)) return false;
  // The dynamic programme would stop at the limit anyway; a component surely past it is not tried.
  if (surelyTooManyStates(pairs, problem.searchLimit)) return false;
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
  const queue = components(problem.pairs).filter((group) => !problem.onlyBodies || group.some((pair) => problem.onlyBodies?.has(pair.body)));
  while (queue.length > 0) {
    const group = queue.pop() as DviPair[];
    if (solveExactly(group, problem, result)) continue;
    if (solveLarge(group, problem, result)) continue;
    const sorted = [...group].sort((a, b) => a.log10Lr - b.log10Lr);
    const dropped = sorted.slice(0, Math.max(1, Math.ceil(group.length / 10)));
    for (const pair of dropped) {
      result.setAside.push(pair);
      result.errorFactor *= 1 + 10 ** (pair.log10Lr - (problem.log10NotInDatabaseOf?.get(pair.body) ?? problem.log10NotInDatabase));
    }
    queue.push(...components(sorted.slice(dropped.length)));
  }
  return result;
}
