import { describe, expect, it } from "vitest";
import { beginFactorTables, factorTable } from "@/lib/kinship/pedigree/factor-tables";

/**
 * The factor tables of one locus computation are views of one reused buffer
 * (lib/kinship/pedigree/factor-tables.ts): each must be zero-filled like a new Float64Array, none
 * may overlap another of the same computation, and tables handed out before the buffer grows must
 * keep their values.
 */
describe("factor tables", () => {
  it("hands out zero-filled tables that do not overlap within a computation, across the buffer's growth", () => {
    for (let round = 0; round < 3; round += 1) {
      beginFactorTables();
      const tables: Float64Array[] = [];
      // Sizes from 1 to beyond the initial buffer (2^16 entries), so that it grows mid-computation.
      for (const size of [1, 3, 27, 125, 1000, 40_000, 30_000, 70_000, 5, 200_000, 7]) {
        const table = factorTable(size);
        expect(table.length).toBe(size);
        expect(table.every((value) => value === 0)).toBe(true);
        table.fill(tables.length + 1 + round / 10);
        tables.push(table);
      }
      tables.forEach((table, index) => expect(table.every((value) => value === index + 1 + round / 10)).toBe(true));
    }
  });
});
