import type { DviPair } from "./types";

/** log10(10^a + 10^b) without overflow. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const [high, low] = a > b ? [a, b] : [b, a];
  return high + Math.log10(1 + 10 ** (low - high));
}

/** Bodies in breadth-first order through shared missing persons, so that few missing persons are open at once. */
function bodyOrder(pairs: readonly DviPair[]): string[] {
  const byBody = new Map<string, DviPair[]>();
  const byKey = new Map<string, DviPair[]>();
  for (const pair of pairs) {
    byBody.set(pair.body, [...(byBody.get(pair.body) ?? []), pair]);
    byKey.set(pair.key, [...(byKey.get(pair.key) ?? []), pair]);
  }
  const order: string[] = [];
  const seen = new Set<string>();
  const start = [...byBody.keys()].sort((a, b) => (byBody.get(a)?.length ?? 0) - (byBody.get(b)?.length ?? 0));
  for (const first of start) {
    if (seen.has(first)) continue;
    const queue = [first];
    seen.add(first);
    while (queue.length > 0) {
      const body = queue.shift() as string;
      order.push(body);
      for (const pair of byBody.get(body) ?? []) {
        for (const next of byKey.get(pair.key) ?? []) {
          if (!seen.has(next.body)) {
            seen.add(next.body);
            queue.push(next.body);
          }
        }
      }
    }
  }
  return order;
}

export interface FrontierResult {
  bodies: string[];
  /** Per body (in `bodies` order): key ("" for not in the database) → posterior. */
  probabilities: Map<string, number>[];
  /** The most probable assignment, per body: the pair or null. */
  best: (DviPair | null)[];
}

/**
 * Exact sums over every assignment of a component in which each family has one missing person, by
 * dynamic programming over the bodies: the state is the set of missing persons already taken that
 * a later body could still take. Forward and backward sums give every marginal; a max-product pass
 * gives the most probable assignment. Null when a step would hold more than `stateLimit` states.
 */
export function solveByFrontier(pairs: readonly DviPair[], log10Null: (body: string) => number, stateLimit: number): FrontierResult | null {
  const bodies = bodyOrder(pairs);
  const choices = bodies.map((body) => pairs.filter((pair) => pair.body === body));
  const lastUse = new Map<string, number>();
  choices.forEach((list, index) => list.forEach((pair) => lastUse.set(pair.key, index)));
  const prune = (keys: readonly string[], from: number) => keys.filter((key) => (lastUse.get(key) ?? -1) >= from);
  const encode = (keys: readonly string[]) => [...keys].sort().join("\u0001");
  const decode = (state: string) => (state === "" ? [] : state.split("\u0001"));
  type Step = { state: string; choice: DviPair | null; next: string; log10: number };
  const transitions = (index: number, state: string): Step[] => {
    const taken = decode(state);
    const steps: Step[] = [{ state, choice: null, next: encode(prune(taken, index + 1)), log10: log10Null(bodies[index] ?? "") }];
    for (const pair of choices[index] ?? []) {
      if (taken.includes(pair.key)) continue;
      steps.push({ state, choice: pair, next: encode(prune([...taken, pair.key], index + 1)), log10: pair.log10Lr });
    }
    return steps;
  };
  // Forward: log10 of the summed weight of the bodies before `index` for each state; max-product beside it.
  const forward: Map<string, number>[] = [new Map([["", 0]])];
  const maximum: Map<string, { log10: number; from: string; choice: DviPair | null }>[] = [new Map([["", { log10: 0, from: "", choice: null }]])];
  for (let index = 0; index < bodies.length; index += 1) {
    const sums = new Map<string, number>();
    const best = new Map<string, { log10: number; from: string; choice: DviPair | null }>();
    for (const [state, value] of forward[index] ?? []) {
      const top = maximum[index]?.get(state)?.log10 ?? -Infinity;
      for (const step of transitions(index, state)) {
        sums.set(step.next, logAdd(sums.get(step.next) ?? -Infinity, value + step.log10));
        const candidate = top + step.log10;
        if (candidate > (best.get(step.next)?.log10 ?? -Infinity)) best.set(step.next, { log10: candidate, from: state, choice: step.choice });
      }
    }
    if (sums.size > stateLimit) return null;
    forward.push(sums);
    maximum.push(best);
  }
  const log10Total = forward[bodies.length]?.get("") ?? -Infinity;
  // Backward: log10 of the summed weight of the bodies from `index` on, for each state reached.
  const backward: Map<string, number>[] = [];
  backward[bodies.length] = new Map([["", 0]]);
  for (let index = bodies.length - 1; index >= 0; index -= 1) {
    const sums = new Map<string, number>();
    for (const state of forward[index]?.keys() ?? []) {
      let total = -Infinity;
      for (const step of transitions(index, state)) total = logAdd(total, step.log10 + (backward[index + 1]?.get(step.next) ?? -Infinity));
      sums.set(state, total);
    }
    backward[index] = sums;
  }
  const probabilities = bodies.map((_, index) => {
    const marginal = new Map<string, number>();
    for (const [state, value] of forward[index] ?? []) {
      for (const step of transitions(index, state)) {
        const key = step.choice?.key ?? "";
        const log10 = value + step.log10 + (backward[index + 1]?.get(step.next) ?? -Infinity) - log10Total;
        marginal.set(key, (marginal.get(key) ?? 0) + 10 ** log10);
      }
    }
    return marginal;
  });
  const best: (DviPair | null)[] = bodies.map(() => null);
  let state = "";
  for (let index = bodies.length; index > 0; index -= 1) {
    const entry = maximum[index]?.get(state);
    best[index - 1] = entry?.choice ?? null;
    state = entry?.from ?? "";
  }
  return { bodies, probabilities, best };
}
