import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { neutraliseFormula } from "./columns";

export type ExportFormat = "csv" | "xlsx";
type Cell = string | number | null;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** CSV for Excel: UTF-8 with a byte-order mark, CRLF lines, no cell that a spreadsheet would run. */
async function* csvChunks(headers: string[], batches: AsyncIterable<Cell[][]>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield encoder.encode(`\uFEFF${Papa.unparse([headers], { newline: "\r\n" })}\r\n`);
  for await (const rows of batches) {
    if (rows.length === 0) continue;
    yield encoder.encode(`${Papa.unparse(rows.map((row) => row.map(neutraliseFormula)), { newline: "\r\n" })}\r\n`);
  }
}

/** XLSX written row by row (ExcelJS streaming writer): cells are typed values, never formulas. */
function xlsxStream(sheetName: string, headers: string[], batches: AsyncIterable<Cell[][]>, rightToLeft: boolean): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1, rightToLeft }] });
  void (async () => {
    try {
      const header = sheet.addRow(headers);
      header.font = { bold: true };
      header.commit();
      for await (const rows of batches) for (const row of rows) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return output;
}

/** The export's bytes as a web stream, generated while the client downloads; an Arabic sheet reads right to left. */
export function exportStream(
  format: ExportFormat,
  sheetName: string,
  headers: string[],
  batches: AsyncIterable<Cell[][]>,
  language: "ar" | "en" = "ar",
): ReadableStream<Uint8Array> {
  const source = format === "csv" ? Readable.from(csvChunks(headers, batches)) : xlsxStream(sheetName, headers, batches, language === "ar");
  return Readable.toWeb(source) as ReadableStream<Uint8Array>;
}
