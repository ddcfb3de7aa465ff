import { birthYearCell, textCell, type CellProblem, type CellResult } from "./cell-values";
import type { ColumnReaders, DateValue } from "./column-readers";
import type { DatePrecision, ReadDate } from "./date-values";
import { splitFullName } from "./full-name";
import { namedPeople, personNameKey, type NamedPerson } from "./named-people";
import { splitNameList } from "./name-list";
import { ageCell, birthYearFromAge, dateOfBirthCell, nationalNumberCell } from "./person-extras";
import { normaliseLibyanPhone } from "./phone";
import { isDamagedText, isSpreadsheetError } from "./damaged-text";
import { IGNORE_COLUMN, type ImportKind } from "./fields";
import type { ColumnMapping } from "./headers";
import type { SheetRow } from "./read-rows";
import { canonicalReportNumber, canonicalStation, reportKey } from "./report-identity";

export interface PoliceReportRow {
  reportNumber: string;
  station: string;
  filedOn: string;
  reporterName: string;
  reporterRelationship: string;
  category: "killing" | "disappearance";
  narrative: string;
  caseNumbers: string[];
  /** The people the names cell names, each to be linked to the report (found on file or created). */
  namedPeople: NamedPerson[];
  sourceReference: string;
  filedOnPrecision: DatePrecision;
  /** Cells as typed where the value was converted (a Hijri date, a serial, an approximate date). */
  sourceValues: Record<string, string>;
  /** The month-first reading of a date whose column's order is decided after the whole file. */
  pendingDates?: Record<string, ReadDate>;
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
  sourceReference: string;
  lastSeenOnPrecision: DatePrecision;
  sourceValues: Record<string, string>;
  pendingDates?: Record<string, ReadDate>;
}

export type ImportRowValues = PoliceReportRow | MissingPersonRow;

/** One problem of one row: its number as Excel shows it, the column's header and a message key. */
export interface RowError {
  rowNumber: number;
  /** The sheet, in a workbook of several. */
  sheet?: string;
  column: string;
  problem: CellProblem | "formulaCell" | "errorValue" | "unreadableText" | "duplicateInFile" | "conflictInFile" | "unknownCaseNumber" | "unknownFamily" | "extraCells";
  values?: Record<string, string | number>;
}

/** Reads a field's cell; on a problem it records the error and goes on with `fallback`. */
type CellReader = <Value>(field: string, read: (text: string) => CellResult<Value>, fallback: Value) => Value;

const short = { required: false, max: 200 } as const;
const long = { required: false, max: 4000 } as const;

// The cell readers, made once rather than once a row.
const shortText = (text: string) => textCell(text, short);
const longText = (text: string) => textCell(text, long);
const requiredText = (text: string) => textCell(text, { required: true, max: 200 });
const requiredKey = (text: string) => textCell(text, { required: true, max: 40 });
const optionalKey = (text: string) => textCell(text, { required: false, max: 40 });
/** The typed originals and the open readings of a row's dates, by field. */
function dateNotes(dates: Record<string, DateValue | null>): { sourceValues: Record<string, string>; pendingDates?: Record<string, ReadDate> } {
  const sourceValues: Record<string, string> = {};
  const pendingDates: Record<string, ReadDate> = {};
  for (const [field, value] of Object.entries(dates)) {
    if (value?.date.original) sourceValues[field] = value.date.original;
    if (value?.monthFirst) pendingDates[field] = value.monthFirst;
  }
  return Object.keys(pendingDates).length > 0 ? { sourceValues, pendingDates } : { sourceValues };
}

/**
 * A person's row names one person: a cell naming several ("محمد وأحمد علي القماطي") is refused,
 * never read as one person with the others' names for his father and grandfather.
 */
const oneFullName = (text: string): CellResult<string> => {
  const typed = textCell(text, short);
  return typed.ok && splitNameList(typed.value).length > 1 ? { ok: false, problem: "severalNames" } : typed;
};

/** A phone in +218 form when it is a Libyan number, otherwise as typed. */
const phoneText = (text: string): CellResult<string> => {
  const typed = textCell(text, short);
  return typed.ok && typed.value !== "" ? { ok: true, value: normaliseLibyanPhone(typed.value) ?? typed.value } : typed;
};

/*
 * The row's record is one object literal, its open date readings added after: a literal that
 * starts by spreading another object (`{ ...notes, ... }`) cost about 35 µs a row in V8 (5,000
 * template rows: 230 ms instead of 45 ms), most of the template-shaped import's parse.
 */
function policeReport(cell: CellReader, readers: RowReaders): PoliceReportRow {
  const station = cell("station", shortText, "");
  const reportNumber = cell("reportNumber", requiredKey, "");
  const filed = cell("filedOn", readers.filedOn, null);
  const filedOn = filed?.date.iso ?? "";
  const notes = dateNotes({ filedOn: filed });
  const phone = cell("reporterPhone", phoneText, "");
  // The report has no phone column: the reporter's number is kept with the register's values.
  if (phone !== "") notes.sourceValues.reporterPhone = phone;
  const report: PoliceReportRow = {
    sourceValues: notes.sourceValues,
    filedOnPrecision: filed?.date.precision ?? "day",
    reportNumber: canonicalReportNumber(reportNumber, filedOn || null),
    station: canonicalStation(station),
    filedOn,
    reporterName: cell("reporterName", requiredText, ""),
    reporterRelationship: cell("reporterRelationship", shortText, ""),
    category: cell("category", readers.columns.category, "disappearance"),
    narrative: cell("narrative", longText, ""),
    caseNumbers: caseNumberList(cell("caseNumbers", longText, "")),
    namedPeople: namedPeople(cell("missingNames", longText, "")),
    sourceReference: cell("sourceReference", optionalKey, ""),
  };
  if (notes.pendingDates) report.pendingDates = notes.pendingDates;
  return report;
}

function caseNumberList(text: string): string[] {
  if (text === "") return [];
  return text
    .split(/[;,،؛\s]+/)
    .map((caseNumber) => caseNumber.trim().toUpperCase())
    .filter((caseNumber) => caseNumber !== "");
}

function missingPerson(cell: CellReader, readers: RowReaders): MissingPersonRow {
  const familyReference = cell("familyReference", optionalKey, "").toUpperCase();
  const lastSeen = cell("lastSeenOn", readers.lastSeenOn, null);
  const notes = dateNotes({ lastSeenOn: lastSeen });
  // null: the cell was refused (its problem is listed), so the given name is not asked for as well.
  const fullNameRead = cell<string | null>("fullName", oneFullName, null);
  const fullName = fullNameRead ?? "";
  const split = splitFullName(fullName);
  if (fullName !== "") notes.sourceValues.fullName = fullName;
  if (split.title !== "") notes.sourceValues.title = split.title;
  const part = (field: "givenName" | "fatherName" | "grandfatherName" | "familyName", read: (text: string) => CellResult<string>) => cell(field, read, "") || split[field];
  const lastSeenOn = lastSeen?.date.iso ?? null;
  const person: MissingPersonRow = {
    sourceValues: notes.sourceValues,
    lastSeenOnPrecision: lastSeen?.date.precision ?? "day",
    caseNumber: cell("caseNumber", optionalKey, "").toUpperCase(),
    givenName: part("givenName", fullNameRead === "" ? requiredText : shortText),
    fatherName: part("fatherName", shortText),
    grandfatherName: part("grandfatherName", shortText),
    familyName: part("familyName", shortText),
    nameLatin: cell("nameLatin", shortText, ""),
    sex: cell("sex", readers.columns.sex, "unknown"),
    birthYear: birthYearOf(cell, notes.sourceValues, lastSeenOn),
    lastSeenOn,
    lastSeenPlace: cell("lastSeenPlace", shortText, ""),
    circumstances: cell("circumstances", longText, ""),
    familyReference: familyReference === "" ? null : familyReference,
    sourceReference: cell("sourceReference", optionalKey, ""),
  };
  if (notes.pendingDates) person.pendingDates = notes.pendingDates;
  return person;
}

/**
 * The birth year: its own column, else the year of a date of birth, else counted back from an age.
 * Whatever was typed besides goes to the register notes, as do the columns the record has no field
 * for (mother's name, national number, phone, address): nothing read is dropped.
 */
function birthYearOf(cell: CellReader, sourceValues: Record<string, string>, lastSeenOn: string | null): number | null {
  const typedYear = cell("birthYear", birthYearCell, null);
  const born = cell("dateOfBirth", dateOfBirthCell, null);
  const aged = cell("age", ageCell, null);
  for (const [field, read] of [["motherName", shortText], ["nationalNumber", nationalNumberCell], ["phone", phoneText], ["address", shortText]] as const) {
    const value = cell(field, read, "");
    if (value !== "") sourceValues[field] = value;
  }
  if (born) sourceValues.dateOfBirth = born.typed;
  if (aged) sourceValues.age = aged.typed;
  return typedYear ?? born?.year ?? (aged ? birthYearFromAge(aged.age, lastSeenOn) : null);
}

export type CheckedRow = { values: ImportRowValues } | { errors: RowError[] };

interface RowReaders {
  columns: ColumnReaders;
  filedOn: (text: string) => CellResult<DateValue | null>;
  lastSeenOn: (text: string) => CellResult<DateValue | null>;
}

/**
 * A checker for the rows of one sheet (the column of each field is looked up once, not per row).
 * Every problem of a row is reported, not only the first.
 */
/** The refused value, shown beside the message (cut short: a narrative can be pages long). */
const shown = (text: string) => ({ value: text.length > 80 ? `${text.slice(0, 80)}…` : text });

/** Cells of the mapped columns that hold no readable value: an uncomputed formula, #N/A, "???". */
function unreadableCells(row: SheetRow, headers: readonly string[], mapping: ColumnMapping, place: Pick<RowError, "rowNumber" | "sheet">): RowError[] {
  const errors: RowError[] = [];
  const flagged = new Set<number>();
  for (const flag of row.flags) {
    if ((mapping[flag.column] ?? IGNORE_COLUMN) === IGNORE_COLUMN) continue;
    flagged.add(flag.column);
    errors.push({ ...place, column: headers[flag.column] ?? "", problem: flag.problem, values: shown(flag.value) });
  }
  mapping.forEach((key, index) => {
    const text = row.cells[index] ?? "";
    if (key === IGNORE_COLUMN || flagged.has(index) || text === "") return;
    if (isSpreadsheetError(text)) errors.push({ ...place, column: headers[index] ?? "", problem: "errorValue", values: shown(text) });
    else if (isDamagedText(text)) errors.push({ ...place, column: headers[index] ?? "", problem: "unreadableText", values: shown(text) });
  });
  return errors;
}

export function rowChecker(kind: ImportKind, headers: readonly string[], mapping: ColumnMapping, columns: ColumnReaders, sheet?: string): (row: SheetRow) => CheckedRow {
  const columnOf = new Map(mapping.map((key, index) => [key, index]));
  const readRow = kind === "policeReports" ? policeReport : missingPerson;
  const readers: RowReaders = { columns, filedOn: columns.date("filedOn", true), lastSeenOn: columns.date("lastSeenOn", false) };
  return (row) => {
    const place = sheet === undefined ? { rowNumber: row.rowNumber } : { rowNumber: row.rowNumber, sheet };
    const errors = unreadableCells(row, headers, mapping, place);
    const unreadable = new Set(errors.map((error) => error.column));
    for (let index = headers.length; index < row.cells.length; index += 1) {
      if ((row.cells[index] ?? "").trim() !== "") {
        errors.push({ ...place, column: "", problem: "extraCells", values: shown(row.cells[index] ?? "") });
        break;
      }
    }
    const values = readRow((field, read, fallback) => {
      const index = columnOf.get(field);
      const text = index === undefined ? "" : (row.cells[index] ?? "");
      const column = index === undefined ? field : (headers[index] ?? field);
      if (unreadable.has(column)) return fallback;
      const result = read(text);
      if (result.ok) return result.value;
      errors.push({ ...place, column, problem: result.problem, ...(text.trim() === "" ? {} : { values: shown(text.trim()) }) });
      return fallback;
    }, readers);
    return errors.length > 0 ? { errors } : { values };
  };
}

/**
 * The natural key that makes a re-import find the row already present: a report's normalised
 * station, number and year; a person's case number ("" when the registry is to allocate one).
 */
export function naturalKey(kind: ImportKind, values: ImportRowValues): string {
  if (kind === "policeReports") {
    const report = values as PoliceReportRow;
    return reportKey(report.station, report.reportNumber, report.filedOn);
  }
  // Without a case number, a person is keyed by name and birth year: the same man three times in
  // one list is one person.
  const person = values as MissingPersonRow;
  return person.caseNumber || personNameKey(person, person.birthYear);
}
