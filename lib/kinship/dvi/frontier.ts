import type { DviPair } from "./types";

/** log10(10^a + 10^b) without overflow. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  // No array for the two (allocated on every call until the function is optimised).
  const high = a > b ? a : b;
  const low = a > b ? b : a;
  return high + Math.log10(1 + 10 ** (low - high));
}

/**
 * A component's pairs numbered: bodies and missing persons (keys) as integers in order of first
 * appearance, and each body's and each key's pairs as ranges of one array, in the pairs' order.
 * The component of the national layer's joint model holds a million pairs and is cut and tried
 * again many times; maps and sets of strings per pair were most of the solver's time.
 */
export interface NumberedPairs {
  /** The bodies' ids (empty when numbered from integers, numberIds). */
  bodies: string[];
  bodyCount: number;
  /** Pair indices of body b: bodyPairs[bodyStart[b] … bodyStart[b + 1]). */
  bodyStart: Int32Array;
  bodyPairs: Int32Array;
  keyStart: Int32Array;
  keyPairs: Int32Array;
  bodyOfPair: Int32Array;
  keyOfPair: Int32Array;
  keyCount: number;
}

function numberPairs(pairs: readonly DviPair[]): NumberedPairs {
  const bodyIndex = new Map<string, number>();
  const keyIndex = new Map<string, number>();
  const bodies: string[] = [];
  const bodyOfPair = new Int32Array(pairs.length);
  const keyOfPair = new Int32Array(pairs.length);
  pairs.forEach((pair, index) => {
    let body = bodyIndex.get(pair.body);
    if (body === undefined) {
      body = bodies.length;
      bodies.push(pair.body);
      bodyIndex.set(pair.body, body);
    }
    let key = keyIndex.get(pair.key);
    if (key === undefined) {
      key = keyIndex.size;
      keyIndex.set(pair.key, key);
    }
    bodyOfPair[index] = body;
    keyOfPair[index] = key;
  });
  return { bodies, bodyCount: bodies.length, ...numberedRanges(bodyOfPair, bodies.length, keyOfPair, keyIndex.size) };
}

/** Each body's and each key's pairs as ranges of one array, in the pairs' order. */
function numberedRanges(bodyOfPair: Int32Array, bodyCount: number, keyOfPair: Int32Array, keyCount: number) {
  const ranges = (of: Int32Array, count: number) => {
    const start = new Int32Array(count + 1);
    for (const owner of of) start[owner + 1] = (start[owner + 1] as number) + 1;
    for (let i = 0; i < count; i += 1) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
    const filled = start.slice(0, count);
    const members = new Int32Array(of.length);
    // In the pairs' order within each owner.
    for (let index = 0; index < of.length; index += 1) {
      const owner = of[index] as number;
      members[filled[owner] as number] = index;
      filled[owner] = (filled[owner] as number) + 1;
    }
    return { start, members };
  };
  const byBody = ranges(bodyOfPair, bodyCount);
  const byKey = ranges(keyOfPair, keyCount);
  return { bodyStart: byBody.start, bodyPairs: byBody.members, keyStart: byKey.start, keyPairs: byKey.members, bodyOfPair, keyOfPair, keyCount };
}

/**
 * numberPairs for pairs whose bodies and keys are numbered already (the joint solver numbers a
 * problem's pairs once, solveJoint): `bodyIds[i]`, `keyIds[i]` of the i-th pair, any integers below
 * `bodyLimit` and `keyLimit`. Renumbered in order of first appearance, as numberPairs numbers the
 * ids, so the same numbering of the same pairs.
 */
export function numberIds(bodyIds: Int32Array, keyIds: Int32Array, bodyLimit: number, keyLimit: number): NumberedPairs {
  const bodyLocal = new Int32Array(bodyLimit).fill(-1);
  const keyLocal = new Int32Array(keyLimit).fill(-1);
  const bodyOfPair = new Int32Array(bodyIds.length);
  const keyOfPair = new Int32Array(bodyIds.length);
  let bodyCount = 0;
  let keyCount = 0;
  for (let index = 0; index < bodyIds.length; index += 1) {
    const globalBody = bodyIds[index] as number;
    let body = bodyLocal[globalBody] as number;
    if (body === -1) {
      body = bodyCount++;
      bodyLocal[globalBody] = body;
    }
    const globalKey = keyIds[index] as number;
    let key = keyLocal[globalKey] as number;
    if (key === -1) {
      key = keyCount++;
      keyLocal[globalKey] = key;
    }
    bodyOfPair[index] = body;
    keyOfPair[index] = key;
  }
  return { bodies: [], bodyCount, ...numberedRanges(bodyOfPair, bodyCount, keyOfPair, keyCount) };
}

/** Bodies (as numbered) in breadth-first order through shared missing persons, so that few missing persons are open at once. */
function numberedBodyOrder(numbered: NumberedPairs): Int32Array {
  const { bodyCount, bodyStart, bodyPairs, keyStart, keyPairs, bodyOfPair, keyOfPair } = numbered;
  const order = new Int32Array(bodyCount);
  let filled = 0;
  const seen = new Uint8Array(bodyCount);
  // A missing person's bodies are all seen once it has been passed through: passing through it again
  // adds none, so it is skipped (the same order, in time linear in the pairs instead of quadratic in
  // a column's length). The order itself is the queue, read by an index.
  const passed = new Uint8Array(numbered.keyCount);
  const count = (body: number) => (bodyStart[body + 1] as number) - (bodyStart[body] as number);
  // Fewest pairs first; a stable sort, so ties keep the order of first appearance.
  const start = Array.from({ length: bodyCount }, (_, body) => body).sort((a, b) => count(a) - count(b));
  for (const first of start) {
    if (seen[first]) continue;
    seen[first] = 1;
    order[filled++] = first;
    for (let head = filled - 1; head < filled; head += 1) {
      const body = order[head] as number;
      for (let at = bodyStart[body] as number; at < (bodyStart[body + 1] as number); at += 1) {
        const key = keyOfPair[bodyPairs[at] as number] as number;
        if (passed[key]) continue;
        passed[key] = 1;
        for (let next = keyStart[key] as number; next < (keyStart[key + 1] as number); next += 1) {
          const other = bodyOfPair[keyPairs[next] as number] as number;
          if (!seen[other]) {
            seen[other] = 1;
            order[filled++] = other;
          }
        }
      }
    }
  }
  return order;
}

/** Bodies in breadth-first order through shared missing persons (numberedBodyOrder), by id. */
function bodyOrder(pairs: readonly DviPair[]): string[] {
  const numbered = numberPairs(pairs);
  return Array.from(numberedBodyOrder(numbered), (body) => numbered.bodies[body] as string);
}

/** The pairs of each body, in the order given. */
function pairsOfEachBody(pairs: readonly DviPair[]): Map<string, DviPair[]> {
  const ofBody = new Map<string, DviPair[]>();
  for (const pair of pairs) {
    const list = ofBody.get(pair.body);
    if (list) list.push(pair);
    else ofBody.set(pair.body, [pair]);
  }
  return ofBody;
}

/**
 * Whether solveByFrontier would surely pass `stateLimit` states, from a cheap lower bound, so that
 * a component far too large is not attempted (the answer would be null either way). After body i
 * (in bodyOrder), any set of pairs of bodies up to i with distinct bodies and distinct missing
 * persons that later bodies can still take is a reachable state, and so is every subset of it:
 * 2^m distinct states for such a set of size m. The set is grown greedily, each body taking the
 * free missing person open the longest.
 */
export function surelyTooManyStates(pairs: readonly DviPair[], stateLimit: number): boolean {
  return surelyTooManyNumberedStates(numberPairs(pairs), stateLimit);
}

/** surelyTooManyStates of pairs numbered already (numberPairs, numberIds). */
export function surelyTooManyNumberedStates(numbered: NumberedPairs, stateLimit: number): boolean {
  const needed = Math.floor(Math.log2(stateLimit)) + 1;
  const { bodyStart, bodyPairs, keyOfPair } = numbered;
  const bodies = numberedBodyOrder(numbered);
  // The last body (position in the order) that can take each missing person.
  const lastUse = new Int32Array(numbered.keyCount).fill(-1);
  bodies.forEach((body, index) => {
    for (let at = bodyStart[body] as number; at < (bodyStart[body + 1] as number); at += 1) lastUse[keyOfPair[bodyPairs[at] as number] as number] = index;
  });
  const closingMatched = new Int32Array(bodies.length);
  const matched = new Uint8Array(numbered.keyCount);
  let open = 0;
  for (let index = 0; index < bodies.length; index += 1) {
    const body = bodies[index] as number;
    let chosen = -1;
    for (let at = bodyStart[body] as number; at < (bodyStart[body + 1] as number); at += 1) {
      const key = keyOfPair[bodyPairs[at] as number] as number;
      const last = lastUse[key] as number;
      if (last > index && !matched[key] && (chosen === -1 || last > (lastUse[chosen] as number))) chosen = key;
    }
    if (chosen !== -1) {
      matched[chosen] = 1;
      open += 1;
      const last = lastUse[chosen] as number;
      closingMatched[last] = (closingMatched[last] as number) + 1;
    }
    // Matched missing persons no body after this one can take leave the state.
    open -= closingMatched[index] as number;
    if (open >= needed) return true;
  }
  return false;
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
 *
 * A state is a bit mask over slots, held in one number as two 26-bit halves: each missing person
 * holds a slot from the first body that can take it to the last, and frees it after. When more
 * than 52 are open at once, the state is the sorted list of their keys instead (solveByKeys). Both
 * visit the states in the same order, so every sum is added in the same order and the results
 * agree bit for bit.
 */
export function solveByFrontier(pairs: readonly DviPair[], log10Null: (body: string) => number, stateLimit: number): FrontierResult | null {
  const bodies = bodyOrder(pairs);
  const ofBody = pairsOfEachBody(pairs);
  const choices = bodies.map((body) => ofBody.get(body) ?? []);
  const firstUse = new Map<string, number>();
  const lastUse = new Map<string, number>();
  choices.forEach((list, index) =>
    list.forEach((pair) => {
      if (!firstUse.has(pair.key)) firstUse.set(pair.key, index);
      lastUse.set(pair.key, index);
    }),
  );
  // Slots: a missing person's slot is free again once no later body can take it.
  const slotOf = new Map<string, number>();
  const free: number[] = [];
  let slots = 0;
  const closing = bodies.map(() => [] as string[]);
  for (const [key, last] of lastUse) closing[last]?.push(key);
  // keepLow/keepHigh[index]: the slots still open for the bodies from `index` on (slots 0–25, 26–51).
  const keepLow = new Int32Array(bodies.length + 1);
  const keepHigh = new Int32Array(bodies.length + 1);
  let low = 0;
  let high = 0;
  for (let index = 0; index < bodies.length; index += 1) {
    for (const pair of choices[index] ?? []) {
      if (firstUse.get(pair.key) !== index || slotOf.has(pair.key)) continue;
      const slot = free.pop() ?? slots++;
      if (slot >= 2 * HALF) return solveByKeys(bodies, choices, lastUse, log10Null, stateLimit);
      slotOf.set(pair.key, slot);
      if (slot < HALF) low |= 1 << slot;
      else high |= 1 << (slot - HALF);
    }
    for (const key of closing[index] ?? []) {
      const slot = slotOf.get(key) ?? 0;
      if (slot < HALF) low &= ~(1 << slot);
      else high &= ~(1 << (slot - HALF));
      free.push(slot);
    }
    keepLow[index + 1] = low;
    keepHigh[index + 1] = high;
  }
  const slotsOf = choices.map((list) => list.map((pair) => slotOf.get(pair.key) ?? 0));
  const transitions = (index: number, state: number, out: Steps<number>): number => {
    const stateLow = state % SPLIT;
    const stateHigh = (state - stateLow) / SPLIT;
    const maskLow = keepLow[index + 1] ?? 0;
    const maskHigh = keepHigh[index + 1] ?? 0;
    out.choice[0] = null;
    out.next[0] = (stateLow & maskLow) + (stateHigh & maskHigh) * SPLIT;
    out.log10[0] = log10Null(bodies[index] ?? "");
    let count = 1;
    const list = choices[index] ?? [];
    const own = slotsOf[index] ?? [];
    for (let at = 0; at < list.length; at += 1) {
      const slot = own[at] ?? 0;
      let nextLow = stateLow;
      let nextHigh = stateHigh;
      if (slot < HALF) {
        if ((stateLow & (1 << slot)) !== 0) continue;
        nextLow |= 1 << slot;
      } else {
        if ((stateHigh & (1 << (slot - HALF))) !== 0) continue;
        nextHigh |= 1 << (slot - HALF);
      }
      const pair = list[at] as DviPair;
      out.choice[count] = pair;
      out.next[count] = (nextLow & maskLow) + (nextHigh & maskHigh) * SPLIT;
      out.log10[count] = pair.log10Lr;
      count += 1;
    }
    return count;
  };
  return sumOverStates<number>(bodies, 0, transitions, stateLimit);
}

/** Slots per half of a numeric state, and the factor that shifts the high half above the low one. */
const HALF = 26;
const SPLIT = 2 ** HALF;

/** solveByFrontier with each state the sorted list of the missing persons taken and still open. */
function solveByKeys(
  bodies: readonly string[],
  choices: readonly DviPair[][],
  lastUse: ReadonlyMap<string, number>,
  log10Null: (body: string) => number,
  stateLimit: number,
): FrontierResult | null {
  const prune = (keys: readonly string[], from: number) => keys.filter((key) => (lastUse.get(key) ?? -1) >= from);
  const encode = (keys: readonly string[]) => [...keys].sort().join("\u0001");
  const decode = (state: string) => (state === "" ? [] : state.split("\u0001"));
  const transitions = (index: number, state: string, out: Steps<string>): number => {
    const taken = decode(state);
    out.choice[0] = null;
    out.next[0] = encode(prune(taken, index + 1));
    out.log10[0] = log10Null(bodies[index] ?? "");
    let count = 1;
    for (const pair of choices[index] ?? []) {
      if (taken.includes(pair.key)) continue;
      out.choice[count] = pair;
      out.next[count] = encode(prune([...taken, pair.key], index + 1));
      out.log10[count] = pair.log10Lr;
      count += 1;
    }
    return count;
  };
  return sumOverStates<string>(bodies, "", transitions, stateLimit);
}

/** One body's transitions from one state, written into reused arrays: none is allocated per state. */
interface Steps<S> {
  choice: (DviPair | null)[];
  next: S[];
  log10: number[];
}

/**
 * One step's states in the order first reached (a Map's own order, which every sum follows), with
 * their forward sums and max-product entries in arrays beside them: a Map from state to number
 * boxed every double it held and an object per max-product entry, which the garbage collector then
 * spent its time on. `next`, `weight`, `choice` (from `start[s]` to `start[s + 1]`): each state's
 * transitions as the forward pass met them, read again by the backward and marginal passes.
 */
interface Layer<S> {
  position: Positions<S>;
  states: S[];
  sum: number[];
  bestLog10: number[];
  /** The state's position in the layer before (-1: no max-product entry). */
  bestFrom: number[];
  bestChoice: (DviPair | null)[];
  start: number[];
  next: number[];
  weight: number[];
  choice: (DviPair | null)[];
}

function layer<S>(positions: () => Positions<S>): Layer<S> {
  return { position: positions(), states: [], sum: [], bestLog10: [], bestFrom: [], bestChoice: [], start: [0], next: [], weight: [], choice: [] };
}

/** A state's position in its layer: a Map, or for numeric states NumberPositions. */
interface Positions<S> {
  get(state: S): number | undefined;
  set(state: S, position: number): void;
}

/**
 * Positions of numeric states (non-negative integers below 2^52) in an open-addressing table on
 * typed arrays: a Map keyed by such numbers boxed most of them and was half of the forward pass.
 * Only lookups by value: the layer's own arrays keep the order in which states were met.
 */
class NumberPositions implements Positions<number> {
  private keys = new Float64Array(64).fill(-1);
  private values = new Int32Array(64);
  private size = 0;

  private slot(state: number): number {
    const mask = this.keys.length - 1;
    const low = state % SPLIT;
    let at = (Math.imul(low, 0x9e3779b1) ^ Math.imul((state - low) / SPLIT, 0x85ebca6b)) & mask;
    while (true) {
      const key = this.keys[at] as number;
      if (key === state || key === -1) return at;
      at = (at + 1) & mask;
    }
  }

  get(state: number): number | undefined {
    const at = this.slot(state);
    return this.keys[at] === state ? this.values[at] : undefined;
  }

  set(state: number, position: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const at = this.slot(state);
    if (this.keys[at] !== state) {
      this.keys[at] = state;
      this.size += 1;
    }
    this.values[at] = position;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    for (let at = 0; at < keys.length; at += 1) {
      const key = keys[at] as number;
      if (key === -1) continue;
      const to = this.slot(key);
      this.keys[to] = key;
      this.values[to] = values[at] as number;
    }
  }
}

const numberPositions = (): Positions<number> => new NumberPositions();
const mapPositions = <S>(): Positions<S> => new Map<S, number>();

/** The forward, backward and max-product passes over the states, whatever a state is. */
function sumOverStates<S>(
  bodies: readonly string[],
  empty: S,
  transitions: (index: number, state: S, out: Steps<S>) => number,
  stateLimit: number,
): FrontierResult | null {
  const steps: Steps<S> = { choice: [], next: [], log10: [] };
  // Forward: log10 of the summed weight of the bodies before `index` for each state; max-product beside it.
  // Numeric states (solveByFrontier's masks) by NumberPositions; any other (solveByKeys's strings) by Map.
  const positions = (typeof empty === "number" ? numberPositions : mapPositions) as () => Positions<S>;
  const first = layer<S>(positions);
  first.position.set(empty, 0);
  first.states.push(empty);
  first.sum.push(0);
  first.bestLog10.push(0);
  first.bestFrom.push(-1);
  first.bestChoice.push(null);
  const layers: Layer<S>[] = [first];
  for (let index = 0; index < bodies.length; index += 1) {
    const from = layers[index] as Layer<S>;
    const to = layer<S>(positions);
    for (let s = 0; s < from.states.length; s += 1) {
      const state = from.states[s] as S;
      const value = from.sum[s] as number;
      const top = from.bestLog10[s] as number;
      const count = transitions(index, state, steps);
      for (let at = 0; at < count; at += 1) {
        const next = steps.next[at] as S;
        const log10 = steps.log10[at] as number;
        let position = to.position.get(next);
        if (position === undefined) {
          position = to.states.length;
          to.position.set(next, position);
          to.states.push(next);
          to.sum.push(-Infinity);
          to.bestLog10.push(-Infinity);
          to.bestFrom.push(-1);
          to.bestChoice.push(null);
        }
        to.sum[position] = logAdd(to.sum[position] as number, value + log10);
        // Past the limit the answer is null whatever follows: the rest of the step is not built.
        if (to.states.length > stateLimit) return null;
        const candidate = top + log10;
        if (candidate > (to.bestLog10[position] as number)) {
          to.bestLog10[position] = candidate;
          to.bestFrom[position] = s;
          to.bestChoice[position] = steps.choice[at] ?? null;
        }
        from.next.push(position);
        from.weight.push(log10);
        from.choice.push(steps.choice[at] ?? null);
      }
      from.start.push(from.next.length);
    }
    layers.push(to);
  }
  const last = layers[bodies.length] as Layer<S>;
  const emptyAtEnd = last.position.get(empty);
  const log10Total = emptyAtEnd === undefined ? -Infinity : (last.sum[emptyAtEnd] as number);
  // Backward: log10 of the summed weight of the bodies from `index` on, for each state reached (by position).
  const backward: number[][] = [];
  backward[bodies.length] = last.states.map((state) => (state === empty ? 0 : -Infinity));
  for (let index = bodies.length - 1; index >= 0; index -= 1) {
    const { states, start, next, weight } = layers[index] as Layer<S>;
    const after = backward[index + 1] as number[];
    const sums: number[] = [];
    for (let s = 0; s < states.length; s += 1) {
      let total = -Infinity;
      for (let at = start[s] as number; at < (start[s + 1] as number); at += 1) total = logAdd(total, (weight[at] as number) + (after[next[at] as number] as number));
      sums.push(total);
    }
    backward[index] = sums;
  }
  const probabilities = bodies.map((_, index) => {
    const marginal = new Map<string, number>();
    const after = backward[index + 1] as number[];
    const { states, sum, start, next, weight, choice } = layers[index] as Layer<S>;
    for (let s = 0; s < states.length; s += 1) {
      const value = sum[s] as number;
      for (let at = start[s] as number; at < (start[s + 1] as number); at += 1) {
        const key = choice[at]?.key ?? "";
        const log10 = value + (weight[at] as number) + (after[next[at] as number] as number) - log10Total;
        marginal.set(key, (marginal.get(key) ?? 0) + 10 ** log10);
      }
    }
    return marginal;
  });
  const best: (DviPair | null)[] = bodies.map(() => null);
  let position = emptyAtEnd;
  for (let index = bodies.length; index > 0; index -= 1) {
    const at = layers[index] as Layer<S>;
    const from = position === undefined ? -1 : (at.bestFrom[position] as number);
    if (position === undefined || from === -1) {
      best[index - 1] = null;
      position = (layers[index - 1] as Layer<S>).position.get(empty);
    } else {
      best[index - 1] = at.bestChoice[position] ?? null;
      position = from;
    }
  }
  return { bodies: [...bodies], probabilities, best };
}
