import { describe, expect, it } from "vitest";
import { findUndisputed, NOT_IN_DATABASE, runnersUp, solveJoint, type DviPair, type FamilyJointLog10 } from "@/lib/kinship/dvi";
import { mulberry32 } from "@/lib/demo/random";

const pair = (body: string, family: string, lr: number, missing = "M", excluded = false): DviPair => ({
  body,
  family,
  missing,
  key: `${family}:${missing}`,
  lr,
  log10Lr: Math.log10(lr),
  inconsistentLoci: [],
  sexMismatch: false,
  excluded,
});

const noJoint: FamilyJointLog10 = () => {
  throw new Error("no family here has two missing persons");
};

describe("undisputed matches (dvir's findUndisputed, both directions)", () => {
  it("takes a pair whose LR is ≥ T and ≥ T × every other LR in its row and its column", () => {
    const pairs = [pair("B1", "F1", 1e6), pair("B1", "F2", 100), pair("B2", "F1", 100), pair("B2", "F2", 50)];
    expect(findUndisputed(pairs, 1e4).map((p) => [p.body, p.key])).toEqual([["B1", "F1:M"]]);
  });

  it("refuses a pair whose row runner-up is above LR / T", () => {
    const pairs = [pair("B1", "F1", 1e6), pair("B1", "F2", 10 ** 2.5), pair("B2", "F1", 1)];
    expect(findUndisputed(pairs, 1e4)).toEqual([]);
  });

  it("refuses a pair whose column runner-up is above LR / T, though its row is clean", () => {
    const pairs = [pair("B1", "F1", 1e6), pair("B1", "F2", 1), pair("B2", "F1", 10 ** 2.5)];
    expect(findUndisputed(pairs, 1e4)).toEqual([]);
    // With T = 10^3 the same pair is undisputed: 10^6 ≥ 10^3 × 10^2.5.
    expect(findUndisputed(pairs, 1e3).map((p) => p.body)).toEqual(["B1"]);
  });

  it("refuses a pair below T even alone in its row and column, and never counts an excluded pair", () => {
    expect(findUndisputed([pair("B1", "F1", 9999)], 1e4)).toEqual([]);
    expect(findUndisputed([pair("B1", "F1", 1e5), pair("B1", "F2", 1e3, "M", true)], 1e4).map((p) => p.body)).toEqual(["B1"]);
    expect(findUndisputed([pair("B1", "F1", 1e9, "M", true)], 1e4)).toEqual([]);
  });

  it("names the runner-up in the row and in the column", () => {
    const pairs = [pair("B1", "F1", 1e6), pair("B1", "F2", 30), pair("B1", "F3", 40), pair("B2", "F1", 7), pair("B3", "F1", 1e4, "M", true)];
    const { row, column } = runnersUp(pairs[0] as DviPair, pairs);
    expect(row?.key).toBe("F3:M");
    expect(column?.body).toBe("B2");
  });
});

describe("posterior pairing probabilities", () => {
  it("uses every LR in the row: best 10^6, runner-up 10^5.5, the rest excluded gives 0.76, not 0.999", () => {
    const result = solveJoint({
      bodies: ["B1"],
      pairs: [pair("B1", "F1", 1e6), pair("B1", "F2", 10 ** 5.5)],
      familyJointLog10: noJoint,
      log10NotInDatabase: 0,
      searchLimit: 1000,
    });
    const expected = 1e6 / (1e6 + 10 ** 5.5 + 1);
    expect(result.probabilities.get("B1")?.get("F1:M")).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.7597, 4);
    expect(result.best.get("B1")).toBe("F1:M");
  });

  it("uses every LR in the column: two bodies equally like one missing person share it", () => {
    const result = solveJoint({
      bodies: ["B1", "B2"],
      pairs: [pair("B1", "F1", 1e6), pair("B2", "F1", 1e6)],
      familyJointLog10: noJoint,
      log10NotInDatabase: 0,
      searchLimit: 1000,
    });
    // Assignments: nobody (w² = 1), B1 → M (10^6), B2 → M (10^6); never both.
    expect(result.probabilities.get("B1")?.get("F1:M")).toBeCloseTo(1e6 / (2e6 + 1), 12);
    expect(result.probabilities.get("B2")?.get(NOT_IN_DATABASE)).toBeCloseTo((1e6 + 1) / (2e6 + 1), 12);
  });

  it("weighs 'not in the database' by the stated prior weight", () => {
    const result = solveJoint({ bodies: ["B1"], pairs: [pair("B1", "F1", 1000)], familyJointLog10: noJoint, log10NotInDatabase: Math.log10(250), searchLimit: 10 });
    expect(result.probabilities.get("B1")?.get("F1:M")).toBeCloseTo(1000 / 1250, 12);
  });

  it("gives a body without candidates 'not in the database' with probability 1", () => {
    const result = solveJoint({ bodies: ["B1", "B9"], pairs: [pair("B1", "F1", 5)], familyJointLog10: noJoint, log10NotInDatabase: 0, searchLimit: 10 });
    expect(result.probabilities.get("B9")).toEqual(new Map([[NOT_IN_DATABASE, 1]]));
    expect(result.best.get("B9")).toBeNull();
  });
});

/** Every assignment written out: each body to one candidate or to nobody, no missing person twice. */
function bruteForce(bodies: string[], pairs: DviPair[], joint: FamilyJointLog10, w: number) {
  const options = bodies.map((body) => [null, ...pairs.filter((p) => p.body === body)]);
  const sums = new Map<string, number>();
  let total = 0;
  let best: { weight: number; choice: (DviPair | null)[] } = { weight: -1, choice: [] };
  const walk = (index: number, choice: (DviPair | null)[]) => {
    if (index === bodies.length) {
      const chosen = choice.filter((c): c is DviPair => c !== null);
      if (new Set(chosen.map((c) => c.key)).size < chosen.length) return;
      let weight = w ** (choice.length - chosen.length);
      for (const family of new Set(chosen.map((c) => c.family))) {
        const placements = chosen
          .filter((c) => c.family === family)
          .map((c) => [c.missing, c.body] as const)
          .sort(([a], [b]) => (a < b ? -1 : 1));
        weight *= placements.length === 1 ? (chosen.find((c) => c.family === family) as DviPair).lr : 10 ** joint(family, placements);
      }
      total += weight;
      choice.forEach((c, i) => sums.set(`${bodies[i]}|${c?.key ?? ""}`, (sums.get(`${bodies[i]}|${c?.key ?? ""}`) ?? 0) + weight));
      if (weight > best.weight) best = { weight, choice: [...choice] };
      return;
    }
    for (const option of options[index] ?? []) walk(index + 1, [...choice, option]);
  };
  walk(0, []);
  return { probability: (body: string, key: string) => (sums.get(`${body}|${key}`) ?? 0) / total, best };
}

describe("joint assignment against brute force", () => {
  it("agrees on random problems with single- and multi-missing families, to 1e-9", () => {
    const random = mulberry32(22);
    for (let trial = 0; trial < 40; trial++) {
      const bodies = ["B1", "B2", "B3", "B4", "B5"].slice(0, 2 + Math.floor(random() * 4));
      const columns = [
        ["F1", "M"],
        ["F2", "FA"],
        ["F2", "SON"],
        ["F3", "M"],
      ] as const;
      const pairs: DviPair[] = [];
      for (const body of bodies) {
        for (const [family, missing] of columns) if (random() < 0.6) pairs.push(pair(body, family, 10 ** (random() * 6 - 2), missing));
      }
      // A family joint LR that is not the product of the pairwise ones (and sometimes excluded).
      const joint: FamilyJointLog10 = (_family, placements) => {
        const [first, second] = placements.map(([missing, body]) => pairs.find((p) => p.body === body && p.missing === missing) as DviPair);
        if (!first || !second) throw new Error("expected two placements");
        const code = (first.body.charCodeAt(1) * 7 + second.body.charCodeAt(1)) % 5;
        return code === 0 ? -Infinity : first.log10Lr + second.log10Lr + code - 2;
      };
      const w = 10 ** (random() * 4 - 2);
      const result = solveJoint({ bodies, pairs, familyJointLog10: joint, log10NotInDatabase: Math.log10(w), searchLimit: 1e6 });
      const expected = bruteForce(bodies, pairs, joint, w);
      expect(result.setAside).toEqual([]);
      for (const body of bodies) {
        let sum = 0;
        for (const key of ["", ...columns.map(([f, m]) => `${f}:${m}`)]) {
          const got = result.probabilities.get(body)?.get(key) ?? 0;
          sum += got;
          expect(Math.abs(got - expected.probability(body, key))).toBeLessThan(1e-9);
        }
        expect(sum).toBeCloseTo(1, 12);
      }
      expect(bodies.map((body) => result.best.get(body))).toEqual(expected.best.choice.map((c) => c?.key ?? null));
    }
  });

  it("sums a component too large to enumerate exactly by dynamic programming, with the best assignment", () => {
    const random = mulberry32(11);
    for (let trial = 0; trial < 10; trial++) {
      const bodies = ["B1", "B2", "B3", "B4", "B5", "B6", "B7"];
      const pairs: DviPair[] = [];
      for (const body of bodies) for (const family of ["F1", "F2", "F3", "F4", "F5", "F6"]) if (random() < 0.7) pairs.push(pair(body, family, 10 ** (random() * 10 - 4)));
      const w = 10 ** (random() * 3);
      const exact = solveJoint({ bodies, pairs, familyJointLog10: noJoint, log10NotInDatabase: Math.log10(w), searchLimit: 1e7 });
      const frontier = solveJoint({ bodies, pairs, familyJointLog10: noJoint, log10NotInDatabase: Math.log10(w), searchLimit: 100 });
      expect(frontier.setAside).toEqual([]);
      const expected = bruteForce(bodies, pairs, noJoint, w);
      for (const body of bodies) {
        for (const key of ["", "F1:M", "F2:M", "F3:M", "F4:M", "F5:M", "F6:M"]) {
          expect(Math.abs((frontier.probabilities.get(body)?.get(key) ?? 0) - expected.probability(body, key))).toBeLessThan(1e-9);
        }
      }
      expect(bodies.map((body) => frontier.best.get(body))).toEqual(bodies.map((body) => exact.best.get(body)));
    }
  }, 60_000); // ~1 s alone; a loaded machine (parallel test files) must not turn it into a timeout

  it("beyond the search limit sets the weakest pairs aside and stays within the stated error factor", () => {
    const random = mulberry32(7);
    const bodies = ["B1", "B2", "B3", "B4", "B5", "B6"];
    const pairs: DviPair[] = [];
    for (const body of bodies) for (const family of ["F1", "F2", "F3", "F4", "F5"]) pairs.push(pair(body, family, 10 ** (random() * 8 - 4)));
    const exact = solveJoint({ bodies, pairs, familyJointLog10: noJoint, log10NotInDatabase: 0, searchLimit: 1e7 });
    // 10 is below both the number of assignments and the frontier's states (up to 2^5).
    const bounded = solveJoint({ bodies, pairs, familyJointLog10: noJoint, log10NotInDatabase: 0, searchLimit: 10 });
    expect(exact.setAside).toEqual([]);
    expect(bounded.setAside.length).toBeGreaterThan(0);
    const weakestKept = Math.min(...pairs.filter((p) => !bounded.setAside.includes(p)).map((p) => p.lr));
    expect(Math.max(...bounded.setAside.map((p) => p.lr))).toBeLessThanOrEqual(weakestKept);
    for (const body of bodies) {
      for (const [key, probability] of exact.probabilities.get(body) ?? []) {
        const approximate = bounded.probabilities.get(body)?.get(key) ?? 0;
        expect(Math.abs(approximate - probability)).toBeLessThanOrEqual(bounded.errorFactor - 1 + 1e-12);
      }
    }
  });
});
