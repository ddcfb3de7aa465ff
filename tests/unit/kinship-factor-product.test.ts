import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/demo/random";
import { multiplyAndSum, type Factor } from "@/lib/kinship/pedigree/factor";
import { beginFactorTables, factorTable } from "@/lib/kinship/pedigree/factor-tables";

/**
 * multiplyAndSum (lib/kinship/pedigree/factor.ts), with its own loop for two factors: every entry of
 * the result must be, bit for bit, the running sum over the summed variable of the factors' entries
 * multiplied in the factors' order (stopping at a 0), entry by entry over the scope in the order
 * the factors name their variables — the sums the likelihoods were computed with before.
 */
function expected(factors: readonly Factor[], sumOut: number | null, card: (v: number) => number): { vars: number[]; table: number[] } {
  const scope: number[] = [];
  for (const factor of factors) for (const v of factor.vars) if (v !== sumOut && !scope.includes(v)) scope.push(v);
  const values = new Map<number, number>();
  const index = (factor: Factor) => factor.vars.reduce((at, v) => at * card(v) + (values.get(v) ?? 0), 0);
  const table: number[] = [];
  const walk = (position: number) => {
    if (position === scope.length) {
      let sum = 0;
      for (let value = 0; value < (sumOut === null ? 1 : card(sumOut)); value += 1) {
        if (sumOut !== null) values.set(sumOut, value);
        let product = 1;
        for (let f = 0; f < factors.length && product !== 0; f += 1) product *= (factors[f] as Factor).table[index(factors[f] as Factor)] as number;
        sum += product;
      }
      table.push(sum);
      return;
    }
    for (let value = 0; value < card(scope[position] as number); value += 1) {
      values.set(scope[position] as number, value);
      walk(position + 1);
    }
  };
  walk(0);
  return { vars: scope, table };
}

describe("multiplyAndSum", () => {
  it("gives the entry-by-entry products and sums bit for bit, with two factors and more", () => {
    const next = mulberry32(5);
    let compared = 0;
    for (let trial = 0; trial < 400; trial += 1) {
      const cards = [2, 3, 4, 5, 1, 3].map((size) => (next() < 0.3 ? 1 + Math.floor(next() * 5) : size));
      const card = (v: number) => cards[v] ?? 1;
      const count = trial % 4 === 0 ? 3 : trial % 7 === 0 ? 1 : 2;
      beginFactorTables();
      const factors: Factor[] = Array.from({ length: count }, () => {
        const vars = [0, 1, 2, 3, 4, 5].filter(() => next() < 0.5).sort(() => next() - 0.5);
        if (vars.length === 0) vars.push(Math.floor(next() * 6));
        const table = factorTable(vars.reduce((size, v) => size * card(v), 1));
        for (let at = 0; at < table.length; at += 1) table[at] = next() < 0.2 ? 0 : next() * 10 ** Math.floor(next() * 6 - 3);
        return { vars, table };
      });
      const present = [...new Set(factors.flatMap((factor) => factor.vars))];
      const sumOut = next() < 0.2 ? null : (present[Math.floor(next() * present.length)] as number);
      const want = expected(factors, sumOut, card);
      const got = multiplyAndSum(factors, sumOut, card);
      expect(got.vars).toEqual(want.vars);
      expect(Array.from(got.table)).toEqual(want.table);
      compared += want.table.length;
    }
    expect(compared).toBeGreaterThan(2000);
  });
});
