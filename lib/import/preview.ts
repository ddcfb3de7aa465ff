import type { Replacement } from "./classify";
import type { ImportKind } from "./fields";
import type { ValidRow } from "./parse-file";
import type { ReportLinks } from "./report-links";
import { fullNameOf, type NamedPeopleReview } from "./people-review";
import type { MissingPersonRow, PoliceReportRow } from "./validate-row";

/** Records listed in the dry run's preview; the counts cover the rest. */
export const MAX_PREVIEWED = 200;

/** A person a previewed report is linked to: one to be created, or one on file. */
export interface PreviewPerson {
  name: string;
  action: "create" | "link";
  caseNumber: string | null;
}

/** One record the import will create (or correct), as it will be saved. */
export interface PreviewRecord {
  kind: "report" | "person";
  rowNumber: number;
  sheet?: string;
  /** "link": a report on file, linked to the people listed (who are not linked to it yet). */
  action: "create" | "replace" | "link";
  /** A report's number, station and date; a person's name. */
  title: string;
  /** A report's reporter; a person's birth year and case number (empty: the registry allocates one). */
  detail: string;
  caseNumber: string | null;
  people: PreviewPerson[];
  /** What goes to the record's register notes (source values), by field. */
  notes: Record<string, string>;
}

const place = (row: ValidRow) => (row.sheet === undefined ? { rowNumber: row.rowNumber } : { rowNumber: row.rowNumber, sheet: row.sheet });

function reportPreview(row: ValidRow, action: PreviewRecord["action"], review: NamedPeopleReview): PreviewRecord {
  const report = row.values as PoliceReportRow;
  const named = report.namedPeople.map((person): PreviewPerson => {
    const decision = review.decisions.get(person.key);
    return decision?.action === "link" ? { name: decision.name, action: "link", caseNumber: decision.caseNumber } : { name: fullNameOf(person), action: "create", caseNumber: null };
  });
  const byCaseNumber = report.caseNumbers.map((caseNumber): PreviewPerson => ({ name: "", action: "link", caseNumber }));
  return {
    kind: "report",
    ...place(row),
    action,
    title: `${report.reportNumber} — ${report.station} — ${report.filedOn}`,
    detail: report.reporterName,
    caseNumber: null,
    people: action === "replace" ? [] : [...byCaseNumber, ...named],
    notes: report.sourceValues,
  };
}

function personPreview(row: ValidRow): PreviewRecord {
  const person = row.values as MissingPersonRow;
  return {
    kind: "person",
    ...place(row),
    action: "create",
    title: fullNameOf(person),
    detail: person.birthYear === null ? "" : String(person.birthYear),
    caseNumber: person.caseNumber === "" ? null : person.caseNumber,
    people: [],
    notes: person.sourceValues,
  };
}

/** What the dry run shows will be saved: the first MAX_PREVIEWED records, in the file's order. */
export function previewOf(
  kind: ImportKind,
  newRows: readonly ValidRow[],
  replacements: readonly Replacement[],
  review: NamedPeopleReview,
  linksOnFile: readonly ReportLinks[] = [],
): PreviewRecord[] {
  if (kind === "missingPersons") return newRows.slice(0, MAX_PREVIEWED).map(personPreview);
  const created = newRows.slice(0, MAX_PREVIEWED).map((row) => reportPreview(row, "create", review));
  const replaced = replacements.slice(0, MAX_PREVIEWED - created.length).map(({ row }) => reportPreview(row, "replace", review));
  const linked = linksOnFile.slice(0, Math.max(0, MAX_PREVIEWED - created.length - replaced.length)).map(({ row }) => reportPreview(row, "link", review));
  return [...created, ...replaced, ...linked];
}
