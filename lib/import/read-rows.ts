import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { assertLineLengths, decodeText, detectFormat, ImportFileError, type FileFormat } from "./decode";
import { MAX_COLUMNS, MAX_LINE_CHARACTERS } from "./limits";
import { checkedWorkbook } from "./xlsx-archive";

/** One record of the sheet as text cells; rowNumber is what the user sees in Excel (header = 1). */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
  /** Columns whose cell held a spreadsheet formula rather than a value. */
  formulaColumns: number[];
}

export interface OpenedSheet {
  format: FileFormat;
  encoding: "utf-8" | "windows-1256" | null;
  headers: string[];
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>;
}

const TEXT_CHUNK = 256 * 1024;

function chooseDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((delimiter) => ({ delimiter, count: firstLine.split(delimiter).length }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

/**
 * The records of a CSV text, parsed a chunk at a time: each chunk's complete records, the
 * unfinished last one carried over to the next. (Papa's node-stream mode pauses the parser every
 * 16 records and then parses the rest of its chunk again, which cost seconds per 100,000 rows.)
 */
function* csvRecords(text: string): Generator<string[]> {
  const delimiter = chooseDelimiter(text);
  // Papa's own guess of the line ending, from the start of the file, then kept for every chunk.
  const newline = Papa.parse(text.slice(0, TEXT_CHUNK), { delimiter, preview: 1 }).meta.linebreak as "\n" | "\r\n" | "\r";
  const parse = (input: string, moreToCome: boolean) =>
    // Without a header, typing or a step function the parser answers rows of strings.
    new Papa.Parser({ delimiter, newline }).parse(input, 0, moreToCome) as { data: string[][]; meta: { cursor: number } };
  let carried = "";
  for (let start = 0; start < text.length; start += TEXT_CHUNK) {
    const input = carried + text.slice(start, start + TEXT_CHUNK);
    const parsed = parse(input, true);
    carried = input.slice(parsed.meta.cursor);
    yield* parsed.data;
  }
  if (carried !== "") yield* parse(carried, false).data;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

async function openCsv(bytes: Uint8Array): Promise<OpenedSheet> {
  const { text, encoding } = decodeText(bytes);
  assertLineLengths(text);
  const records = csvRecords(text);
  let rowNumber = 0;
  let headers: string[] | null = null;
  while (headers === null) {
    const next = records.next();
    if (next.done) throw new ImportFileError(rowNumber === 0 && text.trim() === "" ? "empty" : "noHeader");
    rowNumber += 1;
    if (!isBlank(next.value)) headers = next.value.map((cell) => cell.trim());
  }
  function* rows(): Generator<SheetRow> {
    for (let next = records.next(); !next.done; next = records.next()) {
      rowNumber += 1;
      yield { rowNumber, cells: next.value, formulaColumns: [] };
    }
  }
  return { format: "csv", encoding, headers, rows: rows() };
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The text of an Excel cell; a formula is reported, never evaluated or imported. */
function cellText(value: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: "", formula: false };
  if (value instanceof Date) return { text: isoDate(value), formula: false };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) return { text: "", formula: true };
    if ("richText" in value) return { text: value.richText.map((part) => part.text).join(""), formula: false };
    if ("text" in value) return { text: String(value.text), formula: false };
    if ("error" in value) return { text: String(value.error), formula: false };
    return { text: "", formula: false };
  }
  return { text: String(value), formula: false };
}

function cellOf(row: ExcelJS.Row, column: number): { text: string; formula: boolean } {
  const { text, formula } = cellText(row.findCell(column)?.value);
  if (text.length > MAX_LINE_CHARACTERS) throw new ImportFileError("lineTooLong", { line: row.number, limit: MAX_LINE_CHARACTERS });
  return { text, formula };
}

/**
 * The header row, up to its last filled cell. It is read in full once; its width then bounds
 * every other row, so a cell in column XFD costs one look-up, not a walk over 16,384 columns.
 */
function headerRow(row: ExcelJS.Row): SheetRow {
  const cells = Array.from({ length: row.cellCount }, (_, index) => cellOf(row, index + 1).text);
  while (cells.length > 0 && (cells.at(-1) ?? "").trim() === "") cells.pop();
  if (cells.length > MAX_COLUMNS) throw new ImportFileError("tooManyColumns", { limit: MAX_COLUMNS });
  return { rowNumber: row.number, cells, formulaColumns: [] };
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

/** A data row: only the cells under the headers are read (plus a first extra one, if any). */
function dataRow(row: ExcelJS.Row, width: number): SheetRow {
  const cells: string[] = [];
  const formulaColumns: number[] = [];
  for (let column = 1; column <= width; column += 1) {
    const { text, formula } = cellOf(row, column);
    cells.push(text);
    if (formula) formulaColumns.push(column - 1);
  }
  const extra = firstExtraColumn(row, width);
  if (extra !== undefined) cells.push(cellOf(row, extra).text);
  return { rowNumber: row.number, cells, formulaColumns };
}

async function openXlsx(bytes: Uint8Array): Promise<OpenedSheet> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(await checkedWorkbook(bytes)), {
    entries: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  let width: number | null = null;
  const sheetRows = (async function* () {
    try {
      for await (const worksheet of workbook) {
        for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
          if (width !== null) {
            yield dataRow(row, width);
            continue;
          }
          const header = headerRow(row);
          if (isBlank(header.cells)) continue;
          width = header.cells.length;
          yield header;
        }
        return; // the first sheet only: further sheets are notes, lookups, pivot tables
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError("unreadableWorkbook");
    }
  })();
  const first = await sheetRows.next();
  if (first.done) throw new ImportFileError("empty");
  return { format: "xlsx", encoding: null, headers: first.value.cells.map((cell) => cell.trim()), rows: sheetRows };
}

/** Opens an uploaded CSV or XLSX file and streams its records after the header row. */
export function openSheet(bytes: Uint8Array): Promise<OpenedSheet> {
  return detectFormat(bytes) === "xlsx" ? openXlsx(bytes) : openCsv(bytes);
}
