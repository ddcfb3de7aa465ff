/** Large enough for 100,000 police reports with their narratives; the proxy allows the same. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
/** No legitimate spreadsheet row is this long; a longer one is a wrong or hostile file. */
export const MAX_LINE_CHARACTERS = 100_000;
/** Errors listed in full; the counts stay exact beyond this. */
export const MAX_LISTED_ERRORS = 1_000;
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
