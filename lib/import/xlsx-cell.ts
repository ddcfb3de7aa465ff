import type ExcelJS from "exceljs";

/** Why an Excel cell gave no value: a formula never computed, or an error (#N/A, #REF!). */
export type CellReadProblem = "formulaCell" | "errorValue";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A number format that shows a date (d, m and y codes outside quotes and brackets). */
function isDateFormat(format: string | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const codes = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(codes) && !/^[#0.,%]+$/.test(codes);
}

function resultText(result: unknown, numberFormat: string | undefined): { text: string; problem: CellReadProblem | null } {
  if (result === undefined || result === null || result === "") return { text: "", problem: "formulaCell" };
  if (result instanceof Date) return { text: isoDate(result), problem: null };
  if (typeof result === "object" && "error" in result) return { text: String(result.error), problem: "errorValue" };
  if (typeof result === "number") {
    if (Number.isNaN(result)) return { text: "#N/A", problem: "errorValue" };
    // A date column filled by a formula (a serial computed from another cell) shows a date.
    if (isDateFormat(numberFormat)) return { text: isoDate(new Date(EXCEL_EPOCH + Math.round(result * DAY))), problem: null };
  }
  return { text: String(result), problem: null };
}

/**
 * The value an Excel cell shows, as text: a formula's computed result as Excel saved it (never the
 * formula itself, never evaluated here), a date as YYYY-MM-DD, an error value flagged.
 */
export function xlsxCellText(value: ExcelJS.CellValue, numberFormat?: string): { text: string; problem: CellReadProblem | null } {
  if (value === null || value === undefined) return { text: "", problem: null };
  if (value instanceof Date) return { text: isoDate(value), problem: null };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) return resultText((value as { result?: unknown }).result, numberFormat);
    if ("richText" in value) return { text: value.richText.map((part) => part.text).join(""), problem: null };
    if ("error" in value) return { text: String(value.error), problem: "errorValue" };
    if ("text" in value) return { text: String(value.text), problem: null };
    return { text: "", problem: null };
  }
  return { text: String(value), problem: null };
}
