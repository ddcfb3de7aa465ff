import type { DateOrder } from "./date-values";

// No zod here: the process that reads a file (parse-child.ts) starts anew for each file and loads
// this module. Loading zod's 95 modules (and ExcelJS, now loaded only for workbooks) was most of
// that process's start: its modules took about 1 s of CPU at load 20, 0.17 s without them, against
// 0.3 s to read 5,000 rows. The request's schema is in read-options-schema.ts.

/** What of a file the user chose to read: sheets, the header row of each, hidden rows or not. */
export interface ReadOptions {
  /** Sheet names; null reads the visible sheets that look like the register. */
  sheets: string[] | null;
  /** Sheet name → the row holding its headers; a sheet not named has its header found. */
  headerRows: Record<string, number> | null;
  /** Rows hidden in Excel are, typically, cancelled entries: skipped unless the user says so. */
  hiddenRows: "skip" | "read";
  /** Field → the order of its d/m dates, as the user confirmed it; unnamed fields are detected. */
  dateOrders?: Partial<Record<string, DateOrder>>;
  /** Field → normalised value → code ("تغيب" → disappearance), chosen by the user or remembered. */
  valueMappings?: Partial<Record<string, Record<string, string>>>;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { sheets: null, headerRows: null, hiddenRows: "skip" };

/** One sheet of the file as the user is shown it, read or not. */
export interface SheetSummary {
  name: string;
  hidden: boolean;
  /** Read in this import. */
  chosen: boolean;
  headerRow: number | null;
  headers: string[];
  /** Headers of the columns hidden in Excel. */
  hiddenColumns: string[];
  /** Non-blank rows under the header (hidden rows counted only when they are read). */
  rowCount: number;
  hiddenRowCount: number;
  /** The first hundred of them, so the user can look them up. */
  hiddenRowNumbers: number[];
  preview: { rowNumber: number; cells: string[]; hidden: boolean }[];
}
