import { z } from "zod";
import type { DateOrder } from "./date-values";

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

export const readOptionsSchema = z.object({
  sheets: z.array(z.string().max(200)).max(300).nullable(),
  headerRows: z.record(z.string().max(200), z.number().int().min(1).max(1_048_576)).nullable(),
  hiddenRows: z.enum(["skip", "read"]),
  // partialRecord: zod 4's record of an enum demands every key, and a file may have one date column or none.
  dateOrders: z.partialRecord(z.enum(["filedOn", "lastSeenOn"]), z.enum(["dayFirst", "monthFirst"])).optional(),
  valueMappings: z
    .object({
      category: z.record(z.string().max(200), z.enum(["killing", "disappearance"])).optional(),
      sex: z.record(z.string().max(200), z.enum(["male", "female", "unknown"])).optional(),
    })
    .optional(),
});

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
