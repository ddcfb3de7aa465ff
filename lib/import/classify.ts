import type { Executor } from "@/db/client";
import { MAX_LISTED_ERRORS } from "./limits";
import { existingCaseNumbers, existingReportKeys, resolveCaseNumbers, resolveFamilyReferences } from "./lookups";
import type { ParsedSheet, ValidRow } from "./parse-file";
import { addCounts, RowErrorList, type ErrorCounts } from "./row-errors";
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
  errorCounts: ErrorCounts;
  newRows: ValidRow[];
  /** Case number or family reference → database id, for the rows to insert. */
  references: Map<string, string>;
}

/** The file's own header for a field, so the error points at the column the user knows. */
function headerOf(parsed: ParsedSheet, field: string): string {
  return parsed.headers[parsed.mapping.indexOf(field)] ?? field;
}

interface ReferenceCheck {
  errors: RowErrorList;
  /** Rows refused because they name a record that does not exist. */
  refusedRows: Set<number>;
  references: Map<string, string>;
}

async function referenceErrors(db: Executor, parsed: ParsedSheet): Promise<ReferenceCheck> {
  const errors = new RowErrorList();
  const refusedRows = new Set<number>();
  const refuse = (error: RowError) => {
    errors.add(error);
    refusedRows.add(error.rowNumber);
  };
  if (parsed.kind === "policeReports") {
    const named = parsed.validRows.flatMap((row) => (row.values as PoliceReportRow).caseNumbers);
    const references = await resolveCaseNumbers(db, named);
    for (const row of parsed.validRows) {
      for (const caseNumber of (row.values as PoliceReportRow).caseNumbers) {
        if (!references.has(caseNumber)) refuse({ rowNumber: row.rowNumber, column: headerOf(parsed, "caseNumbers"), problem: "unknownCaseNumber", values: { value: caseNumber } });
      }
    }
    return { errors, refusedRows, references };
  }
  const named = parsed.validRows.flatMap((row) => (row.values as MissingPersonRow).familyReference ?? []);
  const references = await resolveFamilyReferences(db, named);
  for (const row of parsed.validRows) {
    const reference = (row.values as MissingPersonRow).familyReference;
    if (reference !== null && !references.has(reference)) refuse({ rowNumber: row.rowNumber, column: headerOf(parsed, "familyReference"), problem: "unknownFamily", values: { value: reference } });
  }
  return { errors, refusedRows, references };
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
  const { errors: lookupErrors, refusedRows, references } = await referenceErrors(db, parsed);
  const present = await presentKeys(db, parsed);
  const candidates = parsed.validRows.filter((row) => !refusedRows.has(row.rowNumber));
  const newRows = candidates.filter((row) => !present.has(row.key));
  // Each list holds its first problems by row, so the first of both together are among them.
  const listed = [...parsed.errors, ...lookupErrors.listed].sort((first, second) => first.rowNumber - second.rowNumber);
  return {
    counts: { rows: parsed.rowCount, new: newRows.length, alreadyPresent: candidates.length - newRows.length, invalid: parsed.invalidRows + refusedRows.size },
    errors: listed.slice(0, MAX_LISTED_ERRORS),
    errorCount: parsed.errorCount + lookupErrors.total,
    errorCounts: addCounts(parsed.errorCounts, lookupErrors.counts),
    newRows,
    references,
  };
}
