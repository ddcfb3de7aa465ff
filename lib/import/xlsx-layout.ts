/**
 * What ExcelJS's stream reader does not tell about a workbook, read from its XML while the archive
 * is checked (lib/import/xlsx-archive.ts): the sheets' names and visibility in the workbook's
 * order, and each sheet's hidden rows, hidden columns and merged cells.
 */

export interface WorkbookSheet {
  name: string;
  /** "hidden" or "veryHidden" in Excel: drop-down lists and helper tables, not data. */
  hidden: boolean;
  /** The part holding the sheet, e.g. xl/worksheets/sheet2.xml. */
  path: string;
}

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetLayout {
  hiddenRows: number[];
  /** 1-based column numbers. */
  hiddenColumns: number[];
  merges: MergedRange[];
}

/** More merged ranges than this is not a register; the rest are not filled in. */
const MAX_MERGES = 10_000;

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:]+)="([^"]*)"/g)) found.set(match[1] ?? "", match[2] ?? "");
  return found;
}

function xmlText(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The sheets as workbook.xml lists them, each with the part its relation points at. */
export function sheetsOfWorkbook(workbookXml: string, relationsXml: string): WorkbookSheet[] {
  const targets = new Map<string, string>();
  for (const match of relationsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const found = attributes(match[0]);
    const target = (found.get("Target") ?? "").replace(/^\/?(xl\/)?/, "");
    targets.set(found.get("Id") ?? "", `xl/${target}`);
  }
  return [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((match) => {
    const found = attributes(match[0]);
    const state = found.get("state") ?? "visible";
    return { name: xmlText(found.get("name") ?? ""), hidden: state !== "visible", path: targets.get(found.get("r:id") ?? "") ?? "" };
  });
}

export function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

function cellAddress(reference: string): { row: number; column: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(reference);
  return match ? { column: columnNumber(match[1] ?? ""), row: Number(match[2]) } : null;
}

const flagged = (value: string | undefined) => value === "1" || value === "true";

/**
 * Scans a worksheet's XML as it is unzipped, chunk by chunk: a tag cut at a chunk's end is carried
 * to the next one. Only the tags' attributes are looked at; the cells are left to ExcelJS.
 */
export function sheetLayoutScanner() {
  const hiddenRows: number[] = [];
  const hiddenColumns = new Set<number>();
  const merges: MergedRange[] = [];
  let carried = "";
  const scan = (text: string) => {
    for (const match of text.matchAll(/<(row|col|mergeCell)\b[^>]*>/g)) {
      const found = attributes(match[0]);
      if (match[1] === "row" && flagged(found.get("hidden"))) hiddenRows.push(Number(found.get("r")));
      else if (match[1] === "col" && flagged(found.get("hidden"))) {
        const last = Math.min(Number(found.get("max")), 16_384);
        for (let column = Number(found.get("min")); column <= last; column += 1) hiddenColumns.add(column);
      } else if (match[1] === "mergeCell" && merges.length < MAX_MERGES) {
        const [from, to] = (found.get("ref") ?? "").split(":").map(cellAddress);
        if (from && to) merges.push({ top: from.row, left: from.column, bottom: to.row, right: to.column });
      }
    }
  };
  return {
    add(chunk: Buffer) {
      const text = carried + chunk.toString("latin1");
      const open = text.lastIndexOf("<");
      const cut = open !== -1 && text.indexOf(">", open) === -1 ? open : text.length;
      scan(text.slice(0, cut));
      carried = text.slice(cut);
    },
    layout(): SheetLayout {
      return { hiddenRows, hiddenColumns: [...hiddenColumns].sort((first, second) => first - second), merges };
    },
  };
}
