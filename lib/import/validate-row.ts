import { DEFAULT_POLICE_STATION } from "@/db/schema";
import {
  birthYearCell,
  categoryCell,
  dateCell,
  sexCell,
  textCell,
  type CellProblem,
  type CellResult,
} from "./cell-values";
import type { ImportKind } from "./fields";
import type { ColumnMapping } from "./headers";
import type { SheetRow } from "./read-rows";

export interface PoliceReportRow {
  reportNumber: string;
  station: string;
  filedOn: string;
  reporterName: string;
  reporterRelationship: string;
  category: "killing" | "disappearance";
  narrative: string;
  caseNumbers: string[];
}

export interface MissingPersonRow {
  caseNumber: string;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  nameLatin: string;
  sex: "male" | "female" | "unknown";
  birthYear: number | null;
  lastSeenOn: string | null;
  lastSeenPlace: string;
  circumstances: string;
  familyReference: string | null;
}

export type ImportRowValues = PoliceReportRow | MissingPersonRow;

/** One problem of one row: its number as Excel shows it, the column's header and a message key. */
export interface RowError {
  rowNumber: number;
  column: string;
  problem: CellProblem | "formulaCell" | "duplicateInFile" | "unknownCaseNumber" | "unknownFamily" | "extraCells";
  values?: Record<string, string | number>;
}

/** Reads a field's cell; on a problem it records the error and goes on with `fallback`. */
type CellReader = <Value>(field: string, read: (text: string) => CellResult<Value>, fallback: Value) => Value;

const short = { required: false, max: 200 } as const;
const long = { required: false, max: 4000 } as const;

function policeReport(cell: CellReader): PoliceReportRow {
  const station = cell("station", (text) => textCell(text, short), "");
  return {
    reportNumber: cell("reportNumber", (text) => textCell(text, { required: true, max: 40 }), ""),
    station: station === "" ? DEFAULT_POLICE_STATION : station,
    filedOn: cell("filedOn", (text) => dateCell(text, true), null) ?? "",
    reporterName: cell("reporterName", (text) => textCell(text, { required: true, max: 200 }), ""),
    reporterRelationship: cell("reporterRelationship", (text) => textCell(text, short), ""),
    category: cell("category", categoryCell, "disappearance"),
    narrative: cell("narrative", (text) => textCell(text, long), ""),
    caseNumbers: cell("caseNumbers", (text) => textCell(text, long), "")
      .split(/[;,،؛\s]+/)
      .map((caseNumber) => caseNumber.trim().toUpperCase())
      .filter((caseNumber) => caseNumber !== ""),
  };
}

function missingPerson(cell: CellReader): MissingPersonRow {
  const familyReference = cell("familyReference", (text) => textCell(text, { required: false, max: 40 }), "").toUpperCase();
  return {
    caseNumber: cell("caseNumber", (text) => textCell(text, { required: true, max: 40 }), "").toUpperCase(),
    givenName: cell("givenName", (text) => textCell(text, { required: true, max: 200 }), ""),
    fatherName: cell("fatherName", (text) => textCell(text, short), ""),
    grandfatherName: cell("grandfatherName", (text) => textCell(text, short), ""),
    familyName: cell("familyName", (text) => textCell(text, short), ""),
    nameLatin: cell("nameLatin", (text) => textCell(text, short), ""),
    sex: cell("sex", sexCell, "unknown"),
    birthYear: cell("birthYear", birthYearCell, null),
    lastSeenOn: cell("lastSeenOn", (text) => dateCell(text, false), null),
    lastSeenPlace: cell("lastSeenPlace", (text) => textCell(text, short), ""),
    circumstances: cell("circumstances", (text) => textCell(text, long), ""),
    familyReference: familyReference === "" ? null : familyReference,
  };
}

/** Checks one row against the mapping; every problem of the row is reported, not only the first. */
export function validateRow(
  kind: ImportKind,
  headers: readonly string[],
  mapping: ColumnMapping,
  row: SheetRow,
): { values: ImportRowValues } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const columnOf = new Map(mapping.map((key, index) => [key, index]));
  for (const index of row.formulaColumns) {
    errors.push({ rowNumber: row.rowNumber, column: headers[index] ?? "", problem: "formulaCell" });
  }
  if (row.cells.slice(headers.length).some((cell) => cell.trim() !== "")) {
    errors.push({ rowNumber: row.rowNumber, column: "", problem: "extraCells" });
  }
  const cell: CellReader = (field, read, fallback) => {
    const index = columnOf.get(field);
    const result = read(index === undefined ? "" : (row.cells[index] ?? ""));
    if (result.ok) return result.value;
    errors.push({ rowNumber: row.rowNumber, column: index === undefined ? field : (headers[index] ?? field), problem: result.problem });
    return fallback;
  };
  const values = kind === "policeReports" ? policeReport(cell) : missingPerson(cell);
  return errors.length > 0 ? { errors } : { values };
}

/** The natural key that makes a re-import find the row already present. */
export function naturalKey(kind: ImportKind, values: ImportRowValues): string {
  if (kind === "policeReports") {
    const report = values as PoliceReportRow;
    return `${report.station}\u0000${report.reportNumber}`;
  }
  return (values as MissingPersonRow).caseNumber;
}
