import { IGNORE_COLUMN, type ImportKind } from "./fields";
import { normaliseHeader, suggestMapping } from "./headers";
import type { SheetRow } from "./read-rows";

/** Rows of each sheet shown to the user to choose the header row from. */
export const PREVIEW_ROWS = 10;
/** Characters of each previewed cell: enough to recognise it. */
const PREVIEW_CELL_CHARACTERS = 60;
/** Columns of each previewed row. */
const PREVIEW_COLUMNS = 40;

export function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/** How many of a row's cells name a field of the import. */
export function recognisedFields(kind: ImportKind, cells: readonly string[]): number {
  return suggestMapping(kind, cells).filter((key) => key !== "" && key !== IGNORE_COLUMN).length;
}

/**
 * The header among the first rows: the one naming most fields; if none names any, the row with
 * most different values (a merged title row repeats one value across the width).
 */
export function detectHeaderRow(kind: ImportKind, rows: readonly SheetRow[]): number | null {
  const filled = rows.filter((row) => !isBlank(row.cells));
  let best: { rowNumber: number; score: number } | null = null;
  for (const row of filled) {
    const distinct = new Set(row.cells.map(normaliseHeader).filter((cell) => cell !== "")).size;
    const score = recognisedFields(kind, row.cells) * 1000 + distinct;
    if (best === null || score > best.score) best = { rowNumber: row.rowNumber, score };
  }
  return best?.rowNumber ?? null;
}

export function headerCells(row: SheetRow): string[] {
  const cells = row.cells.map((cell) => cell.trim());
  while (cells.length > 0 && (cells.at(-1) ?? "") === "") cells.pop();
  return cells;
}

export function previewOf(rows: readonly SheetRow[]): { rowNumber: number; cells: string[]; hidden: boolean }[] {
  return rows
    .filter((row) => !isBlank(row.cells))
    .slice(0, PREVIEW_ROWS)
    .map((row) => ({ rowNumber: row.rowNumber, hidden: row.hidden, cells: row.cells.slice(0, PREVIEW_COLUMNS).map((cell) => cell.slice(0, PREVIEW_CELL_CHARACTERS)) }));
}

/**
 * Where each column of the first chosen sheet is in another sheet of the same register (one sheet
 * per year, columns perhaps in another order), found by header; null when that sheet has a column
 * the first has not, which would otherwise be dropped without a word.
 */
export function alignColumns(first: readonly string[], other: readonly string[]): { order: number[] } | { extra: string[] } {
  const positions = new Map(other.map((header, index) => [normaliseHeader(header), index]));
  const known = new Set(first.map(normaliseHeader));
  const extra = other.filter((header) => header.trim() !== "" && !known.has(normaliseHeader(header)));
  if (extra.length > 0) return { extra };
  return { order: first.map((header) => positions.get(normaliseHeader(header)) ?? -1) };
}
