import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { problemsSheet } from "@/lib/import/problems-sheet";

describe("the problems of a check as a sheet (issue 28, point 5)", () => {
  it("lists each problem with its sheet, row, column and the refused value, and never a live formula", () => {
    const text = problemsSheet(
      [
        { rowNumber: 8, sheet: "2020", column: "اسم المبلغ", problem: "errorValue", values: { value: "#N/A" } },
        { rowNumber: 3, column: "الاسم", problem: "formula", values: { value: "=cmd|' /C calc'!A0" } },
      ],
      ["Sheet", "Row", "Column", "Value", "Problem"],
      (error) => `message for ${error.problem}`,
    );
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(rows).toEqual([
      ["Sheet", "Row", "Column", "Value", "Problem"],
      ["2020", "8", "اسم المبلغ", "#N/A", "message for errorValue"],
      ["", "3", "الاسم", "'=cmd|' /C calc'!A0", "message for formula"],
    ]);
  });
});
