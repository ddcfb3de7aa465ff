import type { Executor } from "@/db/client";
import { MAX_LISTED_ERRORS } from "./limits";
import { existingCaseNumbers, existingReportKeys, resolveCaseNumbers, resolveFamilyReferences } from "./lookups";
import type { ParsedSheet, ValidRow } from "./parse-file";
import type { MissingPersonRow, PoliceReportRow, RowError } from "./validate-row";

export interface ImportCounts {
  rows: number;
  new: number;
  alreadyPresent: number;
  invalid: number;
}

export interface ClassifiedImport {
  counts: ImportCounts;
  /** The first MAX_LISTED_ERRORS problems, by row; `errorCount` counts them all. */
  errors: RowError[];
  errorCount: number;
  newRows: ValidRow[];
  /** Case number or family reference → database id, for the rows to insert. */
  references: Map<string, string>;
}

/** The file's own header for a field, so the error points at the column the user knows. */
function headerOf(parsed: ParsedSheet, field: string): string {
  return parsed.headers[parsed.mapping.indexOf(field)] ?? field;
}

async function referenceErrors(db: Executor, parsed: ParsedSheet): Promise<{ errors: RowError[]; references: Map<string, string> }> {
  const errors: RowError[] = [];
  if (parsed.kind === "policeReports") {
    const named = parsed.validRows.flatMap((row) => (row.values as PoliceReportRow).caseNumbers);
    const references = await resolveCaseNumbers(db, named);
    for (const row of parsed.validRows) {
      for (const caseNumber of (row.values as PoliceReportRow).caseNumbers) {
        if (!references.has(caseNumber)) errors.push({ rowNumber: row.rowNumber, column: headerOf(parsed, "caseNumbers"), problem: "unknownCaseNumber", values: { value: caseNumber } });
      }
    }
    return { errors, references };
  }
  const named = parsed.validRows.flatMap((row) => (row.values as MissingPersonRow).familyReference ?? []);
  const references = await resolveFamilyReferences(db, named);
  for (const row of parsed.validRows) {
    const reference = (row.values as MissingPersonRow).familyReference;
    if (reference !== null && !references.has(reference)) errors.push({ rowNumber: row.rowNumber, column: headerOf(parsed, "familyReference"), problem: "unknownFamily", values: { value: reference } });
  }
  return { errors, references };
}

async function presentKeys(db: Executor, parsed: ParsedSheet): Promise<Set<string>> {
  if (parsed.kind === "policeReports") {
    return existingReportKeys(db, parsed.validRows.map((row) => (row.values as PoliceReportRow).reportNumber));
  }
  return existingCaseNumbers(db, parsed.validRows.map((row) => row.key));
}

/**
 * Sorts the checked rows against the database: new, already present (same natural key, so a
 * re-import creates nothing), or invalid (including references to records that do not exist).
 */
export async function classifyRows(db: Executor, parsed: ParsedSheet): Promise<ClassifiedImport> {
  const { errors: lookupErrors, references } = await referenceErrors(db, parsed);
  const present = await presentKeys(db, parsed);
  const refused = new Set(lookupErrors.map((error) => error.rowNumber));
  const candidates = parsed.validRows.filter((row) => !refused.has(row.rowNumber));
  const newRows = candidates.filter((row) => !present.has(row.key));
  const allErrors = [...parsed.errors, ...lookupErrors].sort((first, second) => first.rowNumber - second.rowNumber);
  const invalid = new Set(allErrors.map((error) => error.rowNumber)).size;
  return {
    counts: { rows: parsed.rowCount, new: newRows.length, alreadyPresent: candidates.length - newRows.length, invalid },
    errors: allErrors.slice(0, MAX_LISTED_ERRORS),
    errorCount: allErrors.length,
    newRows,
    references,
  };
}
