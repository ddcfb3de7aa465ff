import { describe, expect, it } from "vitest";
import { groupByCategory } from "@/components/belongings/category-groups";

describe("the Book of Belongings by category", () => {
  it("puts each category's items under one heading, in the catalogue's order", () => {
    const items = [
      { effectId: "1", category: "clothing" },
      { effectId: "2", category: "clothing" },
      { effectId: "3", category: "keys" },
      { effectId: "4", category: "shoes" },
    ];
    expect(groupByCategory(items).map((group) => [group.category, group.items.map((item) => item.effectId)])).toEqual([
      ["clothing", ["1", "2"]],
      ["keys", ["3"]],
      ["shoes", ["4"]],
    ]);
    expect(groupByCategory([])).toEqual([]);
  });
});
