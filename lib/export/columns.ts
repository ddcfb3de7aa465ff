import type { ExportWords } from "./words";

/**
 * A column of an export: both languages in the header, as the import templates have them; coded
 * values (sex, status, category) in the words of the export's language.
 */
export interface ExportColumn<Row> {
  headerAr: string;
  headerEn: string;
  value: (row: Row, words: ExportWords) => string | number | null;
}

export function headerRow<Row>(columns: readonly ExportColumn<Row>[]): string[] {
  return columns.map((column) => `${column.headerAr} / ${column.headerEn}`);
}

/**
 * A text starting with = + - @ (or a tab or carriage return) is run as a formula when the file is
 * opened in a spreadsheet; a leading apostrophe makes it plain text (OWASP "CSV injection").
 */
export function neutraliseFormula(value: string | number | null): string | number | null {
  if (typeof value !== "string" || PLAIN_NUMBER.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A phone number such as +218 92 555 0142 calls no function: it stays as it is. */
const PLAIN_NUMBER = /^[+-]?[\d\s().-]+$/;
