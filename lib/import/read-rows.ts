import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { csvRecords } from "./csv-records";
import { assertLineLengths, decodeText, detectFormat, ImportFileError, type FileFormat, type TextEncodingName } from "./decode";
import { MAX_COLUMNS, MAX_LINE_CHARACTERS } from "./limits";
import { checkedWorkbook } from "./xlsx-archive";
import { mergedCellFiller } from "./merged-cells";
import { xlsxCellText, type CellReadProblem } from "./xlsx-cell";

/** A cell that holds no value a person typed: a formula Excel never computed, an error such as #N/A. */
export interface CellFlag {
  column: number;
  problem: CellReadProblem;
  value: string;
}

/** One record of a sheet as text cells; rowNumber is what the user sees in Excel. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
  /** Hidden in Excel (a cancelled entry, typically): skipped unless the user asks for it. */
  hidden: boolean;
  flags: CellFlag[];
}

export interface RawSheet {
  name: string;
  hidden: boolean;
  /** 0-based columns hidden in Excel. */
  hiddenColumns: number[];
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>;
  /** Once the header is known, later rows are read only that wide (plus one extra cell). */
  setWidth(width: number): void;
}

export interface OpenedWorkbook {
  format: FileFormat;
  encoding: TextEncodingName | null;
  /** Every sheet in the workbook's order (a CSV file is one sheet without a name). */
  sheetCount: number;
  sheets: AsyncIterable<RawSheet>;
}

async function openCsv(bytes: Uint8Array): Promise<OpenedWorkbook> {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === "") throw new ImportFileError("empty");
  assertLineLengths(text);
  function* rows(): Generator<SheetRow> {
    let rowNumber = 0;
    for (const cells of csvRecords(text)) {
      rowNumber += 1;
      yield { rowNumber, cells, hidden: false, flags: [] };
    }
  }
  const sheet: RawSheet = { name: "", hidden: false, hiddenColumns: [], rows: rows(), setWidth: () => {} };
  return {
    format: "csv",
    encoding,
    sheetCount: 1,
    sheets: (async function* () {
      yield sheet;
    })(),
  };
}

function cellOf(row: ExcelJS.Row, column: number): { text: string; problem: CellReadProblem | null } {
  const cell = row.findCell(column);
  const read = xlsxCellText(cell?.value, cell?.numFmt);
  if (read.text.length > MAX_LINE_CHARACTERS) throw new ImportFileError("lineTooLong", { line: row.number, limit: MAX_LINE_CHARACTERS });
  return read;
}

/**
 * The first filled cell right of the headers, to report "more cells than the header": the columns
 * up to MAX_COLUMNS and the row's last one are looked at, never all 16,384.
 */
function firstExtraColumn(row: ExcelJS.Row, width: number): number | undefined {
  const filled = (column: number) => cellOf(row, column).text.trim() !== "";
  for (let column = width + 1; column <= Math.min(row.cellCount, MAX_COLUMNS); column += 1) {
    if (filled(column)) return column;
  }
  return row.cellCount > Math.max(width, MAX_COLUMNS) && filled(row.cellCount) ? row.cellCount : undefined;
}

/**
 * A row's cells: before the header is known, up to MAX_COLUMNS of them; after, only those under
 * the headers (plus a first extra one), so a cell in column XFD costs one look-up, not 16,384.
 */
function sheetRow(row: ExcelJS.Row, width: number | null, hiddenRows: Set<number>): SheetRow {
  const cells: string[] = [];
  const flags: CellFlag[] = [];
  const last = width ?? Math.min(row.cellCount, MAX_COLUMNS + 1);
  for (let column = 1; column <= last; column += 1) {
    const { text, problem } = cellOf(row, column);
    cells.push(text);
    if (problem) flags.push({ column: column - 1, problem, value: text });
  }
  if (width !== null) {
    const extra = firstExtraColumn(row, width);
    if (extra !== undefined) cells.push(cellOf(row, extra).text);
  } else if (row.cellCount > last) {
    // A row filled only far right (column XFD) is not blank: its last cell stands for the rest.
    cells.push(cellOf(row, row.cellCount).text);
  }
  return { rowNumber: row.number, cells, hidden: hiddenRows.has(row.number), flags };
}

async function openXlsx(bytes: Uint8Array): Promise<OpenedWorkbook> {
  const checked = await checkedWorkbook(bytes);
  // Loaded for a workbook only: the reading process starts anew for each file, and a CSV file
  // needs none of ExcelJS's modules (see read-options.ts for what loading them cost).
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(checked.archive), {
    entries: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  const described = new Map(checked.sheets.map((sheet) => [sheet.name, sheet]));
  const sheets = (async function* (): AsyncGenerator<RawSheet> {
    try {
      for await (const worksheet of workbook) {
        const reader = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string; state?: string };
        const known = described.get(reader.name);
        const layout = known?.layout ?? { hiddenRows: [], hiddenColumns: [], merges: [] };
        const hiddenRows = new Set(layout.hiddenRows);
        const fill = mergedCellFiller(layout.merges);
        let width: number | null = null;
        const rows = (async function* () {
          for await (const row of reader) {
            const read = sheetRow(row, width, hiddenRows);
            yield { ...read, cells: fill(read.rowNumber, read.cells) };
          }
        })();
        yield {
          name: reader.name,
          hidden: known?.hidden ?? (reader.state !== undefined && reader.state !== "visible"),
          hiddenColumns: layout.hiddenColumns.map((column) => column - 1),
          rows,
          setWidth: (next) => {
            width = next;
          },
        };
        // A sheet the caller did not read to its end is read through here: the stream goes on.
        for await (const row of rows) void row;
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError("unreadableWorkbook");
    }
  })();
  return { format: "xlsx", encoding: null, sheetCount: Math.max(checked.sheets.length, 1), sheets };
}

/** Opens an uploaded CSV or XLSX file: its sheets, each streaming its records. */
export function openWorkbook(bytes: Uint8Array): Promise<OpenedWorkbook> {
  return detectFormat(bytes) === "xlsx" ? openXlsx(bytes) : openCsv(bytes);
}
