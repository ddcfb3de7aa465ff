import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/demo/random";
import { mostProbable } from "@/lib/kinship/dvi/registry";
import type { DviPair } from "@/lib/kinship/dvi/types";

/**
 * A registry row's most probable pair is found in one pass: it must be the pair the stable sort by
 * posterior, then LR (both descending) puts first, the earliest of ties, on rows full of ties in
 * posterior, in LR and in both; and with a posterior that is not finite, the sort's choice.
 */
const pair = (key: string, lr: number): DviPair => ({ body: "B", family: key, missing: "MP", key, lr, log10Lr: Math.log10(lr), inconsistentLoci: [], sexMismatch: false, excluded: false });

describe("a registry row's most probable pair", () => {
  it("is the stable sort's first pair", () => {
    const next = mulberry32(22);
    let ties = 0;
    for (let trial = 0; trial < 2000; trial += 1) {
      const size = Math.floor(next() * 8);
      const row = Array.from({ length: size }, (_, i) => pair(`F${i}`, [1, 10, 100][Math.floor(next() * 3)] as number));
      const probabilities = new Map(row.map((item) => [item.key, [0, 0.25, 0.5][Math.floor(next() * 3)] as number]));
      if (next() < 0.2 && row[0]) probabilities.delete(row[0].key);
      const sorted = [...row].sort((a, b) => (probabilities.get(b.key) ?? 0) - (probabilities.get(a.key) ?? 0) || b.lr - a.lr);
      const expected = sorted[0] ?? null;
      if (sorted[1] && (probabilities.get(sorted[1].key) ?? 0) === (probabilities.get(expected?.key ?? "") ?? 0) && sorted[1].lr === expected?.lr) ties += 1;
      expect(mostProbable(row, probabilities)).toBe(expected);
    }
    expect(ties).toBeGreaterThan(100);
  });

  it("leaves a row with a posterior that is not a number to the sort", () => {
    const row = [pair("F0", 10), pair("F1", 100), pair("F2", 100)];
    const probabilities = new Map([
      ["F0", Number.NaN],
      ["F1", 0.5],
      ["F2", 0.5],
    ]);
    const sorted = [...row].sort((a, b) => (probabilities.get(b.key) ?? 0) - (probabilities.get(a.key) ?? 0) || b.lr - a.lr);
    expect(mostProbable(row, probabilities)).toBe(sorted[0]);
  });
});
