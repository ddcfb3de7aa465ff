import Papa from "papaparse";
import type { RowError } from "./validate-row";

/**
 * The problems of a check as a CSV sheet the office can open next to its register (UTF-8 with a
 * byte-order mark, so Excel shows the Arabic): sheet, row, column, the refused value, the message.
 */
export function problemsSheet(errors: readonly RowError[], headers: readonly string[], message: (error: RowError) => string): string {
  const rows = errors.map((error) => [error.sheet ?? "", String(error.rowNumber), error.column, String(error.values?.value ?? ""), message(error)]);
  // Cells are written as text: a refused "=..." value must not run as a formula when the sheet is opened.
  const safe = rows.map((row) => row.map((cell) => (/^[=+\-@]/.test(cell) ? `'${cell}` : cell)));
  return `\uFEFF${Papa.unparse([headers, ...safe])}\r\n`;
}
