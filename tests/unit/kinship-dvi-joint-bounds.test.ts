import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/demo/random";
import { solveByFrontier, surelyTooManyStates } from "@/lib/kinship/dvi/frontier";
import { surelyTooManyAssignments } from "@/lib/kinship/dvi/joint";
import type { DviPair } from "@/lib/kinship/dvi/types";
import { randomDviComponent } from "./support/dvi-components";

/**
 * The joint solver skips an attempt that a cheap lower bound proves would pass its limit (the
 * answer would be "too large" either way, so every figure stays the same). The bounds must never
 * claim "too large" for a component the attempt would have solved.
 */

function randomComponent(next: () => number, most = 12): DviPair[] {
  return randomDviComponent(next, most, 0.1, 0.5);
}

/** Every assignment of bodies to distinct missing persons or to none: what the enumeration counts. */
function assignments(pairs: readonly DviPair[]): number {
  const bodies = [...new Set(pairs.map((p) => p.body))];
  const used = new Set<string>();
  const count = (index: number): number => {
    if (index === bodies.length) return 1;
    let total = count(index + 1);
    for (const p of pairs) {
      if (p.body !== bodies[index] || used.has(p.key)) continue;
      used.add(p.key);
      total += count(index + 1);
      used.delete(p.key);
    }
    return total;
  };
  return count(0);
}

describe("bounds that let the joint solver skip hopeless attempts", () => {
  it("claims too many states only when the dynamic programme passes the limit", () => {
    const next = mulberry32(5);
    let claimed = 0;
    let solved = 0;
    for (let trial = 0; trial < 400; trial += 1) {
      const pairs = randomComponent(next);
      if (pairs.length === 0) continue;
      const limit = 2 + Math.floor(next() * 60);
      const result = solveByFrontier(pairs, () => 0, limit);
      if (surelyTooManyStates(pairs, limit)) {
        claimed += 1;
        expect(result).toBeNull();
      }
      if (result) solved += 1;
    }
    // Not vacuous: both outcomes occur.
    expect(claimed).toBeGreaterThan(20);
    expect(solved).toBeGreaterThan(20);
  });

  it("claims too many assignments only when there are more than the limit", () => {
    const next = mulberry32(6);
    let claimed = 0;
    let within = 0;
    for (let trial = 0; trial < 400; trial += 1) {
      const pairs = randomComponent(next, 7);
      const limit = 2 + Math.floor(next() * 60);
      const count = assignments(pairs);
      if (surelyTooManyAssignments(pairs, limit)) {
        claimed += 1;
        expect(count).toBeGreaterThan(limit);
      }
      if (count <= limit) within += 1;
    }
    expect(claimed).toBeGreaterThan(20);
    expect(within).toBeGreaterThan(20);
  });
});
