import { createHash } from "node:crypto";
import { ImportFileError, type FileFormat } from "./decode";
import type { ImportKind } from "./fields";
import { checkMapping, suggestMapping, type ColumnMapping, type MappingProblem } from "./headers";
import { MAX_ROWS, PROGRESS_EVERY_ROWS, yieldToEventLoop } from "./limits";
import { openSheet } from "./read-rows";
import { RowErrorList, type ErrorCounts } from "./row-errors";
import { naturalKey, rowChecker, type ImportRowValues, type RowError } from "./validate-row";

export type ImportProgress =
  | { phase: "parse"; rows: number }
  | { phase: "check" }
  | { phase: "save"; saved: number; total: number };

export interface SheetDescription {
  sha256: string;
  format: FileFormat;
  encoding: "utf-8" | "windows-1256" | null;
  headers: string[];
  mapping: ColumnMapping;
}

export interface ValidRow {
  rowNumber: number;
  key: string;
  values: ImportRowValues;
}

export interface ParsedSheet extends SheetDescription {
  kind: ImportKind;
  /** Data rows read, blank rows not counted. */
  rowCount: number;
  validRows: ValidRow[];
  /** The first MAX_LISTED_ERRORS problems in row order; the counts below cover them all. */
  errors: RowError[];
  errorCount: number;
  errorCounts: ErrorCounts;
  /** Rows with at least one problem. */
  invalidRows: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/**
 * Reads the whole file row by row and checks each row on its own (no database): the rows that
 * can be imported, and every problem with its row number. A file-level problem throws
 * ImportFileError; a mapping that cannot work is returned instead of rows.
 */
export async function parseSheet(
  bytes: Uint8Array,
  kind: ImportKind,
  requestedMapping: ColumnMapping | null,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<{ sheet: SheetDescription; problem: MappingProblem } | { parsed: ParsedSheet }> {
  const opened = await openSheet(bytes);
  const mapping = requestedMapping ?? suggestMapping(kind, opened.headers);
  const sheet: SheetDescription = { sha256: sha256Hex(bytes), format: opened.format, encoding: opened.encoding, headers: opened.headers, mapping };
  const problem = checkMapping(kind, opened.headers, mapping);
  if (problem) return { sheet, problem };
  const validRows: ValidRow[] = [];
  const errors = new RowErrorList();
  let invalidRows = 0;
  const firstRowOfKey = new Map<string, number>();
  const checkRow = rowChecker(kind, opened.headers, mapping);
  let rowCount = 0;
  for await (const row of opened.rows) {
    if (isBlank(row.cells) && row.formulaColumns.length === 0) continue;
    rowCount += 1;
    if (rowCount > MAX_ROWS) throw new ImportFileError("tooManyRows", { limit: MAX_ROWS });
    if (rowCount % PROGRESS_EVERY_ROWS === 0) {
      onProgress({ phase: "parse", rows: rowCount });
      await yieldToEventLoop();
    }
    const checked = checkRow(row);
    if ("errors" in checked) {
      checked.errors.forEach((error) => errors.add(error));
      invalidRows += 1;
      continue;
    }
    const key = naturalKey(kind, checked.values);
    const firstRow = firstRowOfKey.get(key);
    if (firstRow !== undefined) {
      errors.add({ rowNumber: row.rowNumber, column: "", problem: "duplicateInFile", values: { row: firstRow } });
      invalidRows += 1;
      continue;
    }
    firstRowOfKey.set(key, row.rowNumber);
    validRows.push({ rowNumber: row.rowNumber, key, values: checked.values });
  }
  if (rowCount === 0) throw new ImportFileError("empty");
  onProgress({ phase: "parse", rows: rowCount });
  const parsed = { ...sheet, kind, rowCount, validRows, errors: errors.listed, errorCount: errors.total, errorCounts: errors.counts, invalidRows };
  return { parsed };
}
