/** Large enough for 100,000 police reports with their narratives; the proxy allows the same. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** No legitimate spreadsheet row is this long; a longer one is a wrong or hostile file. */
export const MAX_LINE_CHARACTERS = 100_000;
/** Errors listed in full; the counts stay exact beyond this, and only the counts are kept. */
export const MAX_LISTED_ERRORS = 1_000;
/** Data rows of one file: twice the largest register seen (100,000 reports); more is refused. */
export const MAX_ROWS = 200_000;
/** Header columns: as many as the column mapping may name (lib/import/import-form.ts). */
export const MAX_COLUMNS = 500;
/**
 * Bytes the parts of an XLSX file that are read (sheet, shared strings, styles, workbook) may
 * unzip to, together. A 100,000-report workbook unzips to well under this; a "zip bomb" of a few
 * megabytes would unzip to gigabytes.
 */
export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
/** Texts in an XLSX file's shared-string table: ExcelJS keeps every one of them in memory. */
export const MAX_SHARED_STRINGS = 1_000_000;
/**
 * Heap of the process that reads a file (lib/import/parse-in-worker.ts): 100,000 reports with their
 * narratives fit in it (docs/RELIABILITY.md); a file that needs more is refused, the server stays up.
 */
export const PARSE_WORKER_HEAP_MB = 768;
/**
 * Time that process may take. 100,000 reports are read in well under a minute; a file that keeps it
 * busy longer (ExcelJS spends a millisecond on each row that has a cell in column XFD, for one) is
 * refused rather than left to hold the user's import slot and a core.
 */
export const PARSE_WORKER_SECONDS = 120;
/** Rows per INSERT statement inside the import's single transaction. */
export const INSERT_BATCH_ROWS = 2_000;
/** A progress event every so many rows while parsing. */
export const PROGRESS_EVERY_ROWS = 2_000;

/**
 * PGlite answers inside the same turn of the event loop: without this pause, no progress line
 * would leave the server before the whole import had finished.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
