import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/demo/random";
import { solveByFrontier, surelyTooManyStates } from "@/lib/kinship/dvi/frontier";
import type { DviPair } from "@/lib/kinship/dvi/types";
import { randomDviComponent } from "./support/dvi-components";

/**
 * The frontier's body order and its "too many states" bound work on numbered bodies and missing
 * persons (typed arrays) instead of maps and sets of strings: the national component of a million
 * pairs is cut and tried again many times. They must give exactly what the string-keyed versions
 * below (the code before the change, kept here as the reference) give: the same order of bodies
 * (solveByFrontier reports it) and the same yes-or-no, on components with repeated bodies and
 * missing persons in any order.
 */

function randomComponent(next: () => number): DviPair[] {
  const pairs = randomDviComponent(next, 31, 0.03, 0.3);
  // Shuffled, so that bodies and missing persons first appear in any order.
  for (let i = pairs.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j] as DviPair, pairs[i] as DviPair];
  }
  return pairs;
}

function referenceBodyOrder(pairs: readonly DviPair[]): string[] {
  const byBody = new Map<string, DviPair[]>();
  const byKey = new Map<string, DviPair[]>();
  for (const p of pairs) {
    byBody.set(p.body, [...(byBody.get(p.body) ?? []), p]);
    byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
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
      for (const p of byBody.get(body) ?? [])
        for (const other of byKey.get(p.key) ?? [])
          if (!seen.has(other.body)) {
            seen.add(other.body);
            queue.push(other.body);
          }
    }
  }
  return order;
}

function referenceTooManyStates(pairs: readonly DviPair[], stateLimit: number): boolean {
  const needed = Math.floor(Math.log2(stateLimit)) + 1;
  const bodies = referenceBodyOrder(pairs);
  const lastUse = new Map<string, number>();
  bodies.forEach((body, index) => pairs.filter((p) => p.body === body).forEach((p) => lastUse.set(p.key, index)));
  const closingMatched = bodies.map(() => 0);
  const matched = new Set<string>();
  let open = 0;
  for (let index = 0; index < bodies.length; index += 1) {
    let chosen: string | null = null;
    for (const p of pairs.filter((q) => q.body === bodies[index])) {
      const last = lastUse.get(p.key) ?? -1;
      if (last > index && !matched.has(p.key) && (chosen === null || last > (lastUse.get(chosen) ?? -1))) chosen = p.key;
    }
    if (chosen !== null) {
      matched.add(chosen);
      open += 1;
      const last = lastUse.get(chosen) ?? 0;
      closingMatched[last] = (closingMatched[last] ?? 0) + 1;
    }
    open -= closingMatched[index] ?? 0;
    if (open >= needed) return true;
  }
  return false;
}

// Hundreds of random components solved and compared: correctness, not speed, so the default 5 s
// per test is not its limit (it took 5 s once beside other work at load 12).
describe("the frontier on numbered bodies and missing persons", { timeout: 60_000 }, () => {
  it("orders the bodies as the string-keyed order did", () => {
    const next = mulberry32(21);
    let compared = 0;
    for (let trial = 0; trial < 300; trial += 1) {
      const pairs = randomComponent(next);
      if (pairs.length === 0) continue;
      const solved = solveByFrontier(pairs, () => 0, 5000);
      if (!solved) continue;
      expect(solved.bodies).toEqual(referenceBodyOrder(pairs));
      compared += 1;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("gives the string-keyed bound's yes-or-no", () => {
    const next = mulberry32(22);
    let yes = 0;
    let no = 0;
    for (let trial = 0; trial < 600; trial += 1) {
      const pairs = randomComponent(next);
      const limit = 2 + Math.floor(next() * 2000);
      const expected = referenceTooManyStates(pairs, limit);
      expect(surelyTooManyStates(pairs, limit)).toBe(expected);
      if (expected) yes += 1;
      else no += 1;
    }
    // Not vacuous: both answers occur.
    expect(yes).toBeGreaterThan(50);
    expect(no).toBeGreaterThan(50);
  });
});
