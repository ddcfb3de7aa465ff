import ExcelJS from "exceljs";
import Papa from "papaparse";
import { IMPORT_FIELDS, type ImportKind } from "./fields";

/** "رقم البلاغ / Report number": the importer recognises either half. */
export function templateHeaders(kind: ImportKind): string[] {
  return IMPORT_FIELDS[kind].map((field) => `${field.headerAr} / ${field.headerEn}`);
}

function exampleRow(kind: ImportKind): string[] {
  return IMPORT_FIELDS[kind].map((field) => field.example);
}

/** UTF-8 with a byte-order mark, so that Excel shows the Arabic headers correctly. */
export function csvTemplate(kind: ImportKind): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${Papa.unparse([templateHeaders(kind), exampleRow(kind)])}\r\n`);
}

export async function xlsxTemplate(kind: ImportKind): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(kind, { views: [{ rightToLeft: true, state: "frozen", ySplit: 1 }] });
  sheet.addRow(templateHeaders(kind)).font = { bold: true };
  // Text cells, so Excel keeps report numbers such as 0012/2020 and dates exactly as typed.
  sheet.columns.forEach((column) => {
    column.width = 28;
    column.numFmt = "@";
  });
  sheet.addRow(exampleRow(kind));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
