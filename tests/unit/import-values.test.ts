import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSheet, type ParsedSheet } from "@/lib/import/parse-file";
import { normaliseLibyanPhone } from "@/lib/import/phone";
import { DEFAULT_READ_OPTIONS, type ReadOptions } from "@/lib/import/read-options";
import type { PoliceReportRow } from "@/lib/import/validate-row";
import { REGISTERS_DIRECTORY, type RegisterFile } from "../fixtures/make-registers";

async function parseRegister(name: RegisterFile, options: Partial<ReadOptions> = {}): Promise<ParsedSheet> {
  const bytes = new Uint8Array(readFileSync(path.join(REGISTERS_DIRECTORY, name)));
  const outcome = await parseSheet(bytes, "policeReports", null, () => {}, { ...DEFAULT_READ_OPTIONS, ...options });
  if (!("parsed" in outcome)) throw new Error(`mapping problem: ${JSON.stringify(outcome.problem)}`);
  return outcome.parsed;
}

const reports = (parsed: ParsedSheet) => parsed.validRows.map((row) => row.values as PoliceReportRow);
const MAPPED = { valueMappings: { category: { تغيب: "disappearance" } } } as const;

describe("values per column (issue 28, point 2)", () => {
  it("reads a US-locale column month first, as its unambiguous dates prove, and says so for the user to confirm", async () => {
    const parsed = await parseRegister("us-locale-dates.csv", MAPPED);
    expect(reports(parsed).map((report) => report.filedOn)).toEqual([
      "2020-06-01", "2020-06-02", "2020-06-03", "2020-07-04", "2020-07-05", "2020-08-06", "2020-06-13", "2020-06-14", "2020-07-21", "2020-08-30",
    ]);
    expect(parsed.dateColumns).toEqual([{ field: "filedOn", dayFirst: 0, monthFirst: 4, ambiguous: 6, used: "monthFirst", confirmed: false }]);
    const overruled = await parseRegister("us-locale-dates.csv", { ...MAPPED, dateOrders: { filedOn: "dayFirst" } });
    expect(reports(overruled)[0]?.filedOn).toBe("2020-01-06");
    expect(overruled.dateColumns[0]).toMatchObject({ used: "dayFirst", confirmed: true });
  });

  it("lists each value of a coded column with its count, refuses an unmapped word with the word shown, and takes the user's mapping for the whole file", async () => {
    const unmapped = await parseRegister("us-locale-dates.csv");
    expect(unmapped.validRows).toEqual([]);
    expect(unmapped.errors[0]).toMatchObject({ column: "نوع البلاغ", problem: "invalidCategory", values: { value: "تغيب" } });
    expect(unmapped.codedValues).toEqual([{ field: "category", values: [{ value: "تغيب", normalised: "تغيب", count: 10, target: null, source: null }] }]);
    const mapped = await parseRegister("us-locale-dates.csv", MAPPED);
    expect(reports(mapped).every((report) => report.category === "disappearance")).toBe(true);
    expect(mapped.codedValues[0]?.values[0]).toMatchObject({ target: "disappearance", source: "mapped" });
  });

  it("reads Excel serials, Arabic-Indic digits, a trailing م, Hijri dates and approximate dates, keeping the original where it was converted", async () => {
    const parsed = await parseRegister("date-shapes.csv");
    expect(parsed.errors).toEqual([]);
    expect(reports(parsed).map((report) => [report.filedOn, report.filedOnPrecision, report.sourceValues.filedOn ?? null])).toEqual([
      ["2020-06-01", "day", "43983"],
      ["2020-06-02", "day", null],
      ["2020-06-03", "day", null],
      ["2020-06-07", "day", "15/10/1441 هـ"],
      ["2020-06-01", "month", "6/2020"],
      ["2020-01-01", "year", "2020"],
      ["2020-06-13", "day", null],
    ]);
    expect(parsed.dateColumns[0]).toMatchObject({ used: "dayFirst", dayFirst: 2 });
  });

  it("reads '-' as an empty cell and normalises phones to +218, keeping a text that is no number as typed", async () => {
    const parsed = await parseRegister("date-shapes.csv");
    expect(reports(parsed).map((report) => report.narrative)).toEqual(["", "", "", "", "", "", ""]);
    expect(reports(parsed).map((report) => report.sourceValues.reporterPhone ?? null)).toEqual(["+218912345678", "+218923456789", "+218913456789", "+218945678901", null, "لا يوجد", null]);
    expect(normaliseLibyanPhone("12")).toBeNull();
  });
});
