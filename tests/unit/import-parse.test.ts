import ExcelJS from "exceljs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { isPlaceholder, looksLikeFormula } from "@/lib/import/cell-values";
import { ImportFileError } from "@/lib/import/decode";
import { IMPORT_FIELDS } from "@/lib/import/fields";
import { suggestMapping } from "@/lib/import/headers";
import { csvTemplate, xlsxTemplate } from "@/lib/import/template";
import { parseSheet, type ParsedSheet } from "@/lib/import/parse-file";
import { encodeWindows1256 } from "../fixtures/encode-windows-1256";

/** The template's columns of a person in parts (no full-name cell, no register serial). */
const PERSON_HEADERS = IMPORT_FIELDS.missingPersons.filter((field) => !["fullName", "sourceReference"].includes(field.key)).map((field) => `${field.headerAr} / ${field.headerEn}`);

async function parsePersons(text: string | Uint8Array): Promise<ParsedSheet> {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const outcome = await parseSheet(bytes, "missingPersons", null);
  if (!("parsed" in outcome)) throw new Error(`mapping problem: ${JSON.stringify(outcome.problem)}`);
  return outcome.parsed;
}

function personRow(caseNumber: string, givenName: string, extra: { birthYear?: string; lastSeenOn?: string; place?: string } = {}): string[] {
  return [caseNumber, givenName, "علي", "سالم", "الترهوني", "", "male", extra.birthYear ?? "1980", extra.lastSeenOn ?? "2019-11-02", extra.place ?? "ترهونة", "", ""];
}

/** Free text as registers hold it: Arabic, Latin, quotes, separators and line breaks, never a formula. */
const freeText = fc
  .string({ unit: fc.constantFrom("a", "Z", "ب", "ة", "أ", " ", ",", ";", '"', "\n", "\r\n", "\t", "1", "/", "'"), maxLength: 30 })
  .filter((text) => !looksLikeFormula(text));

const rowArbitrary = fc.record({
  valid: fc.boolean(),
  defect: fc.constantFrom("emptyName", "badYear", "badDate", "formula"),
  // "-" or "/" alone is a register's "nothing known", read as an empty cell.
  name: freeText.filter((text) => text.trim() !== "" && !isPlaceholder(text)),
  place: freeText,
});

describe("spreadsheet import parser", () => {
  it("recognises Arabic, English and template headers", () => {
    expect(suggestMapping("missingPersons", ["رقم الحالة", "Given name", "اسم الاب", "Unknown column", ""])).toEqual([
      "caseNumber",
      "givenName",
      "fatherName",
      "",
      "ignore",
    ]);
    const templateHeaders = IMPORT_FIELDS.missingPersons.map((field) => `${field.headerAr} / ${field.headerEn}`);
    expect(suggestMapping("missingPersons", templateHeaders)).toEqual(IMPORT_FIELDS.missingPersons.map((field) => field.key));
  });

  it("reads its own CSV and XLSX templates back with every column recognised and the example row valid", async () => {
    for (const kind of ["missingPersons", "policeReports"] as const) {
      for (const bytes of [csvTemplate(kind), await xlsxTemplate(kind)]) {
        const outcome = await parseSheet(bytes, kind, null);
        expect(outcome).toHaveProperty("parsed");
        if (!("parsed" in outcome)) continue;
        expect(outcome.parsed.mapping).toEqual(IMPORT_FIELDS[kind].map((field) => field.key));
        expect(outcome.parsed.validRows).toHaveLength(1);
      }
    }
  });

  it("reports every invalid row with its exact row number, whatever the text around it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArbitrary, { minLength: 1, maxLength: 25 }), async (rows) => {
        const records = rows.map((row, index) => {
          const caseNumber = `TRH-MP-${String(index + 1).padStart(5, "0")}`;
          if (row.valid) return personRow(caseNumber, row.name, { place: row.place });
          if (row.defect === "emptyName") return personRow(caseNumber, "  ");
          if (row.defect === "badYear") return personRow(caseNumber, row.name, { birthYear: "80s" });
          if (row.defect === "badDate") return personRow(caseNumber, row.name, { lastSeenOn: "2019-02-30" });
          return personRow(caseNumber, row.name, { place: "=HYPERLINK(\"x\")" });
        });
        const parsed = await parsePersons(Papa.unparse([PERSON_HEADERS, ...records]));
        const expectedInvalid = rows.flatMap((row, index) => (row.valid ? [] : [index + 2]));
        expect([...new Set(parsed.errors.map((error) => error.rowNumber))]).toEqual(expectedInvalid);
        expect(parsed.validRows.map((row) => row.rowNumber)).toEqual(rows.flatMap((row, index) => (row.valid ? [index + 2] : [])));
      }),
      { numRuns: 60 },
    );
  });

  it("never crashes on arbitrary bytes: it parses or refuses the file with a message", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 })), async (content) => {
        const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
        for (const kind of ["missingPersons", "policeReports"] as const) {
          await parseSheet(bytes, kind, null).catch((error: unknown) => {
            expect(error).toBeInstanceOf(ImportFileError);
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("reads UTF-8 with and without a byte-order mark, and Windows-1256", async () => {
    const text = Papa.unparse([PERSON_HEADERS, personRow("TRH-MP-00001", "محمود")]);
    const utf8 = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const windows1256 = encodeWindows1256(text);
    for (const bytes of [utf8, withBom, windows1256]) {
      const parsed = await parsePersons(bytes);
      expect(parsed.validRows.map((row) => row.values)).toMatchObject([{ caseNumber: "TRH-MP-00001", givenName: "محمود" }]);
    }
    expect((await parsePersons(windows1256)).encoding).toBe("windows-1256");
  });

  it("refuses cells that Excel would run as formulas and names the column", async () => {
    const parsed = await parsePersons(Papa.unparse([PERSON_HEADERS, personRow("TRH-MP-00001", "=cmd|' /C calc'!A0"), personRow("TRH-MP-00002", "@SUM(1)")]));
    expect(parsed.validRows).toEqual([]);
    expect(parsed.errors).toEqual([
      { rowNumber: 2, column: PERSON_HEADERS[1], problem: "formula", values: { value: "=cmd|' /C calc'!A0" } },
      { rowNumber: 3, column: PERSON_HEADERS[1], problem: "formula", values: { value: "@SUM(1)" } },
    ]);
  });

  it("refuses empty files, files that are not spreadsheets and absurdly long lines", async () => {
    const refusalOf = (bytes: Uint8Array) =>
      parseSheet(bytes, "missingPersons", null).then(
        () => "accepted",
        (error: unknown) => (error instanceof ImportFileError ? error.key : "crashed"),
      );
    expect(await refusalOf(new Uint8Array())).toBe("empty");
    expect(await refusalOf(new TextEncoder().encode(`${PERSON_HEADERS.join(",")}\n`))).toBe("empty");
    expect(await refusalOf(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBe("notSpreadsheet");
    const longLine = `${PERSON_HEADERS.join(",")}\nTRH-MP-00001,${"ا".repeat(10 * 1024 * 1024)}\n`;
    expect(await refusalOf(new TextEncoder().encode(longLine))).toBe("lineTooLong");
  });

  it("reads an XLSX workbook's dates as dates, a formula's saved result as its value, and refuses a formula without one", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("persons");
    sheet.addRow(PERSON_HEADERS);
    sheet.addRow(personRow("TRH-MP-00001", "خديجة"));
    const withDate = sheet.addRow(personRow("TRH-MP-00002", "سعاد"));
    withDate.getCell(9).value = new Date(Date.UTC(2019, 10, 2));
    const withFormula = sheet.addRow(personRow("TRH-MP-00003", "نورية"));
    withFormula.getCell(8).value = { formula: "1900+75", result: 1975 };
    const uncomputed = sheet.addRow(personRow("TRH-MP-00004", "حليمة"));
    uncomputed.getCell(8).value = { formula: "1900+80", date1904: false };
    const parsed = await parsePersons(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(parsed.format).toBe("xlsx");
    expect(parsed.validRows.map((row) => [row.rowNumber, row.values])).toMatchObject([
      [2, { caseNumber: "TRH-MP-00001", givenName: "خديجة" }],
      [3, { caseNumber: "TRH-MP-00002", lastSeenOn: "2019-11-02" }],
      [4, { caseNumber: "TRH-MP-00003", birthYear: 1975 }],
    ]);
    expect(parsed.errors).toEqual([{ rowNumber: 5, column: PERSON_HEADERS[7], problem: "formulaCell", values: { value: "" } }]);
  });

  it("reads a large file with Windows line endings and quoted line breaks: every record whole, every row number right", async () => {
    const circumstancesOf = (index: number) => `سطر ${index}\r\nثم "مقتبس", ${"ب".repeat(index % 97)}\nآخر`;
    const records = Array.from({ length: 4_000 }, (_, index) => {
      const row = personRow(`TRH-MP-${String(index + 1).padStart(5, "0")}`, "محمد");
      row[10] = circumstancesOf(index);
      return row;
    });
    const text = Papa.unparse([PERSON_HEADERS, ...records], { newline: "\r\n" });
    expect(text.length).toBeGreaterThan(500_000);
    const parsed = await parsePersons(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.validRows.map((row) => row.rowNumber)).toEqual(records.map((_, index) => index + 2));
    const read = parsed.validRows.map(({ values }) => ("caseNumber" in values ? [values.caseNumber, values.circumstances] : []));
    expect(read).toEqual(records.map((row) => [row[0], row[10]?.trim()]));
  });

  it("reports the same case number twice in one file", async () => {
    const parsed = await parsePersons(Papa.unparse([PERSON_HEADERS, personRow("TRH-MP-00001", "أحمد"), personRow("trh-mp-00001", "أحمد")]));
    expect(parsed.errors).toEqual([{ rowNumber: 3, column: "", problem: "duplicateInFile", values: { row: 2 } }]);
  });
});
