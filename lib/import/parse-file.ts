import { createHash } from "node:crypto";
import { ImportFileError, type FileFormat, type TextEncodingName } from "./decode";
import { IGNORE_COLUMN, type ImportKind } from "./fields";
import { columnReaders, type CodedField, type CodedValue, type ColumnReaders, type DateColumnSummary } from "./column-readers";
import { alignColumns, detectHeaderRow, headerCells, isBlank, previewOf, PREVIEW_ROWS, recognisedFields } from "./header-row";
import { checkMapping, suggestMapping, type ColumnMapping, type MappingProblem } from "./headers";
import { MAX_COLUMNS, MAX_ROWS, PROGRESS_EVERY_ROWS, yieldToEventLoop } from "./limits";
import { openWorkbook, type RawSheet, type SheetRow } from "./read-rows";
import { DEFAULT_READ_OPTIONS, type ReadOptions, type SheetSummary } from "./read-options";
import { sameRecord } from "./report-conflicts";
import { RowErrorList, type ErrorCounts } from "./row-errors";
import { naturalKey, rowChecker, type ImportRowValues, type RowError } from "./validate-row";

export type ImportProgress =
  | { phase: "parse"; rows: number }
  | { phase: "check" }
  | { phase: "save"; saved: number; total: number };

export interface SheetDescription {
  sha256: string;
  format: FileFormat;
  encoding: TextEncodingName | null;
  /** The headers of the first sheet read; the mapping is theirs. */
  headers: string[];
  mapping: ColumnMapping;
  /** Every sheet of the file, read or not, with its rows counted and its first rows. */
  sheets: SheetSummary[];
  hiddenRows: ReadOptions["hiddenRows"];
}

export interface ValidRow {
  rowNumber: number;
  /** The sheet of a workbook of several sheets. */
  sheet?: string;
  key: string;
  values: ImportRowValues;
}

export interface ParsedSheet extends SheetDescription {
  kind: ImportKind;
  /** Each date column: how its values proved an order, and the order used. */
  dateColumns: DateColumnSummary[];
  /** Each coded column's distinct values with their counts and codes. */
  codedValues: { field: CodedField; values: CodedValue[] }[];
  /** Data rows read, blank and skipped hidden rows not counted. */
  rowCount: number;
  validRows: ValidRow[];
  /** The first MAX_LISTED_ERRORS problems in row order; the counts below cover them all. */
  errors: RowError[];
  errorCount: number;
  errorCounts: ErrorCounts;
  /** Rows with at least one problem. */
  invalidRows: number;
}

export type ParseOutcome = { sheet: SheetDescription; problem: MappingProblem } | { parsed: ParsedSheet };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Rows of a sheet, the first ones read ahead (to find the header) and then the rest. */
async function* replay(buffered: SheetRow[], rest: AsyncIterator<SheetRow>): AsyncGenerator<SheetRow> {
  yield* buffered;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function readAhead(sheet: RawSheet): Promise<{ buffered: SheetRow[]; rest: AsyncIterator<SheetRow> }> {
  const rest = (async function* () {
    yield* sheet.rows;
  })();
  const buffered: SheetRow[] = [];
  let filled = 0;
  while (filled < PREVIEW_ROWS) {
    const next = await rest.next();
    if (next.done) break;
    buffered.push(next.value);
    if (!isBlank(next.value.cells)) filled += 1;
  }
  return { buffered, rest };
}

/**
 * Dates either order could read were kept both ways until the whole file was seen: now each takes
 * its column's order (the user's, or the one its unambiguous values proved).
 */
function settleDates(rows: ValidRow[], columns: DateColumnSummary[]): void {
  const monthFirst = new Set(columns.filter((column) => column.used === "monthFirst").map((column) => column.field));
  for (const row of rows) {
    const values = row.values as ImportRowValues & Record<string, unknown>;
    if (!values.pendingDates) continue;
    for (const [field, reading] of Object.entries(values.pendingDates)) {
      if (monthFirst.has(field)) values[field] = reading.iso;
    }
    delete values.pendingDates;
  }
}

/** What is decided for the file as its sheets go by: the first read sheet's headers rule the rest. */
interface FileState {
  kind: ImportKind;
  options: ReadOptions;
  requestedMapping: ColumnMapping | null;
  headers: string[] | null;
  mapping: ColumnMapping;
  problem: MappingProblem | null;
  checkRow: ReturnType<typeof rowChecker> | null;
  namedSheets: boolean;
  firstVisibleSeen: boolean;
  columns: ColumnReaders;
}

function isChosen(state: FileState, sheet: RawSheet, headers: string[]): boolean {
  if (state.options.sheets !== null) return state.options.sheets.includes(sheet.name);
  if (sheet.hidden) return false;
  const first = !state.firstVisibleSeen;
  state.firstVisibleSeen = true;
  return first || recognisedFields(state.kind, headers) > 0;
}

/** The first read sheet sets the mapping; another must have the same columns, perhaps reordered. */
function adoptHeaders(state: FileState, sheet: RawSheet, headers: string[]): number[] | null {
  if (state.headers === null) {
    state.headers = headers;
    const suggested = suggestMapping(state.kind, headers).map((key, index) => (key === "" && sheet.hiddenColumns.includes(index) ? IGNORE_COLUMN : key));
    state.mapping = state.requestedMapping ?? suggested;
    state.problem = checkMapping(state.kind, headers, state.mapping);
    if (!state.problem) state.checkRow = rowChecker(state.kind, headers, state.mapping, state.columns, state.namedSheets ? sheet.name : undefined);
    return null;
  }
  const aligned = alignColumns(state.headers, headers);
  if ("extra" in aligned) {
    state.problem ??= { problem: "sheetHeadersDiffer", sheet: sheet.name, columns: aligned.extra };
    return null;
  }
  if (!state.problem) state.checkRow = rowChecker(state.kind, state.headers, state.mapping, state.columns, state.namedSheets ? sheet.name : undefined);
  return aligned.order.every((position, index) => position === index) ? null : aligned.order;
}

/**
 * Reads the whole file, sheet by sheet and row by row, and checks each row of the chosen sheets on
 * its own (no database): the rows that can be imported, and every problem with its row number.
 * Every sheet is described (rows counted, first rows kept) so the user sees what is and is not
 * read. A file-level problem throws ImportFileError; a mapping that cannot work is returned.
 */
export async function parseSheet(
  bytes: Uint8Array,
  kind: ImportKind,
  requestedMapping: ColumnMapping | null,
  onProgress: (progress: ImportProgress) => void = () => {},
  options: ReadOptions = DEFAULT_READ_OPTIONS,
): Promise<ParseOutcome> {
  const opened = await openWorkbook(bytes);
  const state: FileState = { kind, options, requestedMapping, headers: null, mapping: [], problem: null, checkRow: null, namedSheets: opened.sheetCount > 1, firstVisibleSeen: false, columns: columnReaders({ dateOrders: options.dateOrders ?? {}, valueMappings: options.valueMappings ?? {} }) };
  const validRows: ValidRow[] = [];
  const errors = new RowErrorList();
  const sheets: SheetSummary[] = [];
  const firstRowOfKey = new Map<string, { row: number; sheet?: string; values: ImportRowValues }>();
  let invalidRows = 0;
  let rowCount = 0;
  let rowsInFile = 0;
  for await (const sheet of opened.sheets) {
    const { buffered, rest } = await readAhead(sheet);
    const requestedHeader = options.headerRows?.[sheet.name];
    const headerRowNumber = buffered.some((row) => row.rowNumber === requestedHeader) ? (requestedHeader ?? null) : detectHeaderRow(kind, buffered);
    const headerRow = buffered.find((row) => row.rowNumber === headerRowNumber);
    const headers = headerRow ? headerCells(headerRow) : [];
    if (headers.length > MAX_COLUMNS) throw new ImportFileError("tooManyColumns", { limit: MAX_COLUMNS });
    sheet.setWidth(headers.length);
    const chosen = headerRow !== undefined && isChosen(state, sheet, headers);
    const order = chosen ? adoptHeaders(state, sheet, headers) : null;
    const summary: SheetSummary = {
      name: sheet.name,
      hidden: sheet.hidden,
      chosen,
      headerRow: headerRowNumber,
      headers,
      hiddenColumns: sheet.hiddenColumns.flatMap((index) => headers[index] ?? []),
      rowCount: 0,
      hiddenRowCount: 0,
      hiddenRowNumbers: [],
      preview: previewOf(buffered),
    };
    sheets.push(summary);
    for await (const row of replay(buffered, rest)) {
      if (headerRowNumber === null || row.rowNumber <= headerRowNumber || isBlank(row.cells)) continue;
      rowsInFile += 1;
      if (row.hidden) {
        summary.hiddenRowCount += 1;
        if (summary.hiddenRowNumbers.length < 100) summary.hiddenRowNumbers.push(row.rowNumber);
        if (options.hiddenRows === "skip") continue;
      }
      summary.rowCount += 1;
      if (!chosen) continue;
      rowCount += 1;
      if (rowCount > MAX_ROWS) throw new ImportFileError("tooManyRows", { limit: MAX_ROWS });
      if (rowCount % PROGRESS_EVERY_ROWS === 0) {
        onProgress({ phase: "parse", rows: rowCount });
        await yieldToEventLoop();
      }
      if (!state.checkRow) continue;
      const checked = state.checkRow(order ? { ...row, cells: order.map((index) => (index < 0 ? "" : (row.cells[index] ?? ""))), flags: row.flags.flatMap((flag) => (order.includes(flag.column) ? [{ ...flag, column: order.indexOf(flag.column) }] : [])) } : row);
      if ("errors" in checked) {
        checked.errors.forEach((error) => errors.add(error));
        invalidRows += 1;
        continue;
      }
      const key = naturalKey(kind, checked.values);
      const place = state.namedSheets ? { row: row.rowNumber, sheet: sheet.name, values: checked.values } : { row: row.rowNumber, values: checked.values };
      const first = key === "" ? undefined : firstRowOfKey.get(key);
      if (first !== undefined) {
        // Two versions of one report in one file: neither is taken before the user has chosen.
        const problem = sameRecord(kind, first.values, checked.values) ? "duplicateInFile" : "conflictInFile";
        errors.add({ rowNumber: row.rowNumber, ...(place.sheet === undefined ? {} : { sheet: place.sheet }), column: "", problem, values: first.sheet === undefined ? { row: first.row } : { row: first.row, sheet: first.sheet } });
        invalidRows += 1;
        continue;
      }
      if (key !== "") firstRowOfKey.set(key, place);
      // No spread of a conditional part into the literal: once a row, V8 makes that slow.
      const valid: ValidRow = { rowNumber: row.rowNumber, key, values: checked.values };
      if (place.sheet !== undefined) valid.sheet = place.sheet;
      validRows.push(valid);
    }
  }
  const description: SheetDescription = { sha256: sha256Hex(bytes), format: opened.format, encoding: opened.encoding, headers: state.headers ?? [], mapping: state.mapping, sheets, hiddenRows: options.hiddenRows };
  if (state.headers === null && sheets.every((sheet) => sheet.headerRow === null)) throw new ImportFileError(rowsInFile === 0 && sheets.every((sheet) => sheet.preview.length === 0) ? "empty" : "noHeader");
  if (state.headers === null) return { sheet: description, problem: { problem: "noSheetChosen" } };
  if (state.problem) return { sheet: description, problem: state.problem };
  if (rowsInFile === 0) throw new ImportFileError("empty");
  onProgress({ phase: "parse", rows: rowCount });
  const dateColumns = state.columns.dateColumns();
  settleDates(validRows, dateColumns);
  return { parsed: { ...description, kind, dateColumns, codedValues: state.columns.codedValues(), rowCount, validRows, errors: errors.listed, errorCount: errors.total, errorCounts: errors.counts, invalidRows } };
}
