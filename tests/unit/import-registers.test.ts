import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "@/lib/import/headers";
import { parseSheet, type ParsedSheet } from "@/lib/import/parse-file";
import { DEFAULT_READ_OPTIONS, type ReadOptions } from "@/lib/import/read-options";
import { REGISTERS_DIRECTORY, type RegisterFile } from "../fixtures/make-registers";

/** The station's serial column ("الرقم") left out: these tests are about what is read. */
const WORKBOOK_MAPPING: ColumnMapping = ["ignore", "reportNumber", "station", "filedOn", "reporterName", "reporterRelationship", "category", "narrative", "ignore"];

const register = (name: RegisterFile) => new Uint8Array(readFileSync(path.join(REGISTERS_DIRECTORY, name)));

async function parseRegister(name: RegisterFile, mapping: ColumnMapping | null = null, options: Partial<ReadOptions> = {}): Promise<ParsedSheet> {
  const outcome = await parseSheet(register(name), "policeReports", mapping, () => {}, { ...DEFAULT_READ_OPTIONS, ...options });
  if (!("parsed" in outcome)) throw new Error(`mapping problem: ${JSON.stringify(outcome.problem)}`);
  return outcome.parsed;
}

const reportNumbers = (parsed: ParsedSheet) => parsed.validRows.map((row) => ("reportNumber" in row.values ? row.values.reportNumber : ""));

describe("choosing what of a register is read (issue 28, point 1)", () => {
  it("lists every sheet with its row count, reads the visible year sheets and not the hidden list of drop-down values", async () => {
    const parsed = await parseRegister("station-workbook.xlsx", WORKBOOK_MAPPING);
    expect(parsed.sheets.map(({ name, hidden, chosen, rowCount }) => ({ name, hidden, chosen, rowCount }))).toEqual([
      { name: "قوائم", hidden: true, chosen: false, rowCount: 2 },
      { name: "2020", hidden: false, chosen: true, rowCount: 4 },
      { name: "2021", hidden: false, chosen: true, rowCount: 2 },
    ]);
    expect(reportNumbers(parsed)).toEqual(["101/2020", "102/2020", "103/2020", "7/2021", "8/2021"]);
    expect(parsed.validRows.map((row) => [row.sheet, row.rowNumber])).toEqual([["2020", 4], ["2020", 5], ["2020", 6], ["2021", 2], ["2021", 3]]);
  });

  it("reads only the sheets the user chose", async () => {
    const parsed = await parseRegister("station-workbook.xlsx", WORKBOOK_MAPPING, { sheets: ["2021"] });
    expect(reportNumbers(parsed)).toEqual(["7/2021", "8/2021"]);
    expect(parsed.sheets.filter((sheet) => sheet.chosen).map((sheet) => sheet.name)).toEqual(["2021"]);
  });

  it("finds the header under a merged title, shows the first rows to choose from, and follows the row the user picks", async () => {
    const parsed = await parseRegister("station-workbook.xlsx", WORKBOOK_MAPPING);
    const year2020 = parsed.sheets.find((sheet) => sheet.name === "2020");
    expect(year2020?.headerRow).toBe(3);
    expect(year2020?.preview.slice(0, 3).map((row) => [row.rowNumber, row.cells[1]])).toEqual([
      [1, "سجل البلاغات — مركز شرطة ترهونة"],
      [2, "سنة 2020"],
      [3, "رقم البلاغ"],
    ]);
    const wrongHeader = await parseSheet(register("station-workbook.xlsx"), "policeReports", null, () => {}, { ...DEFAULT_READ_OPTIONS, sheets: ["2020"], headerRows: { "2020": 4 } });
    expect("problem" in wrongHeader && wrongHeader.sheet.headers[1]).toBe("101/2020");
  });

  it("skips the hidden cancelled row and says which it was, or reads it when asked", async () => {
    const skipped = await parseRegister("station-workbook.xlsx", WORKBOOK_MAPPING);
    const year2020 = skipped.sheets.find((sheet) => sheet.name === "2020");
    expect(year2020?.hiddenRowNumbers).toEqual([7]);
    expect(reportNumbers(skipped)).not.toContain("104/2020");
    const read = await parseRegister("station-workbook.xlsx", WORKBOOK_MAPPING, { hiddenRows: "read" });
    expect(reportNumbers(read)).toContain("104/2020");
  });

  it("gives each row of a merged station cell its value, reads formula results as values, and refuses #N/A as a name", async () => {
    const serialAsNarrative = ["narrative", "reportNumber", "station", "filedOn", "reporterName", "reporterRelationship", "category", "ignore", "ignore"];
    const parsed = await parseRegister("station-workbook.xlsx", serialAsNarrative);
    expect(parsed.validRows.slice(0, 3).map((row) => ("station" in row.values ? row.values.station : ""))).toEqual(["مركز شرطة ترهونة", "مركز شرطة ترهونة", "مركز شرطة ترهونة"]);
    // The serial column is 1, then a formula (=A4+1) whose saved results are 2, 3…
    expect(parsed.validRows.slice(0, 3).map((row) => ("narrative" in row.values ? row.values.narrative : ""))).toEqual(["1", "2", "3"]);
    expect(parsed.errors).toEqual([{ rowNumber: 8, sheet: "2020", column: "اسم المبلغ", problem: "errorValue", values: { value: "#N/A" } }]);
    expect(parsed.sheets.find((sheet) => sheet.name === "2020")?.hiddenColumns).toEqual(["ملاحظات الكاتب"]);
  });

  it("reads Windows-1256, UTF-8 with a byte-order mark and UTF-16 alike, with ';' or tab between cells", async () => {
    for (const [name, encoding] of [["office-windows-1256.csv", "windows-1256"], ["office-utf8-bom.csv", "utf-8"], ["office-utf16.txt", "utf-16le"]] as const) {
      const parsed = await parseRegister(name);
      expect(parsed.encoding).toBe(encoding);
      expect(parsed.validRows.map((row) => row.values)).toMatchObject([
        { reportNumber: "201/2020", reporterName: "حواء محمد العجيلي", filedOn: "2020-07-02" },
        { reportNumber: "202/2020", reporterName: "صالح عمر البوسيفي", narrative: "أُخذ من البيت; ليلاً" },
      ]);
    }
  });

  it("flags cells whose Arabic became question marks as unreadable and imports nothing of that row", async () => {
    const parsed = await parseRegister("damaged-question-marks.csv");
    expect(reportNumbers(parsed)).toEqual(["301/2020"]);
    expect(parsed.errors.filter((error) => error.rowNumber === 2).map((error) => [error.column, error.problem, error.values?.value])).toEqual([
      ["Report number", "unreadableText", "???/????"],
      ["Reporter", "unreadableText", "???? ???"],
      ["Relationship", "unreadableText", "??"],
    ]);
  });
});
