import { normaliseArabicText } from "@/lib/names/normalise-arabic";
import type { ImportKind } from "./fields";
import type { ImportRowValues, MissingPersonRow, PoliceReportRow } from "./validate-row";

/** What of a report is compared: a difference in any of these is a correction, not the same report. */
export interface ReportVersion {
  filedOn: string;
  reporterName: string;
  reporterRelationship: string;
  category: "killing" | "disappearance";
  narrative: string;
}

/**
 * The user's answer to a conflict: keep the registry's version, or take the file's; for a person
 * the registry probably has already, "link:<id>" (it is that person on file: nothing created, a
 * report is linked to them) or "create".
 */
export type ConflictChoice = "keep" | "replace" | "create" | `link:${string}`;

/** The person on file the user chose for a new person, if the choice names one of its likely matches. */
export function linkedPerson(choice: ConflictChoice | null | undefined, matchIds: readonly string[]): string | null {
  if (!choice?.startsWith("link:")) return null;
  const id = choice.slice("link:".length);
  return matchIds.includes(id) ? id : null;
}

/** A report of the file whose number is on file with other content: both versions, for the user. */
export interface ImportConflict {
  rowNumber: number;
  sheet?: string;
  key: string;
  reportNumber: string;
  station: string;
  existing: ReportVersion & { id: string; version: number };
  incoming: ReportVersion;
  /** The fields that differ. */
  fields: (keyof ReportVersion)[];
  choice: ConflictChoice | null;
}

const VERSION_FIELDS = ["filedOn", "reporterName", "reporterRelationship", "category", "narrative"] as const;

export function reportVersion(report: ReportVersion): ReportVersion {
  return { filedOn: report.filedOn, reporterName: report.reporterName, reporterRelationship: report.reporterRelationship, category: report.category, narrative: report.narrative };
}

/** Spelling (hamza, ة/ه, spaces) is not content; a different date, name or account is. */
export function differingFields(first: ReportVersion, second: ReportVersion): (keyof ReportVersion)[] {
  return VERSION_FIELDS.filter((field) => normaliseArabicText(String(first[field])) !== normaliseArabicText(String(second[field])));
}

/** Two rows of one file with the same key: the same record twice, or two versions of it. */
export function sameRecord(kind: ImportKind, first: ImportRowValues, second: ImportRowValues): boolean {
  if (kind === "policeReports") return differingFields(first as PoliceReportRow, second as PoliceReportRow).length === 0;
  const [one, other] = [first as MissingPersonRow, second as MissingPersonRow];
  return normaliseArabicText(`${one.givenName} ${one.fatherName} ${one.grandfatherName} ${one.familyName}`) === normaliseArabicText(`${other.givenName} ${other.fatherName} ${other.grandfatherName} ${other.familyName}`);
}
