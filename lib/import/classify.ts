import type { Executor } from "@/db/client";
import { MAX_LISTED_ERRORS } from "./limits";
import { existingCaseNumbers, existingReports, linkedPeopleOfReports, resolveCaseNumbers, resolveFamilyReferences } from "./lookups";
import type { ParsedSheet, ValidRow } from "./parse-file";
import { likelyMatchesOfMany } from "./duplicate-review";
import { decide, fullNameOf, reviewNamedPeople, type NamedPeopleReview, type PersonMatch } from "./people-review";
import { previewOf, type PreviewRecord } from "./preview";
import { differingFields, reportVersion, type ConflictChoice, type ImportConflict } from "./report-conflicts";
import { unlinkedPart, type ReportLinks } from "./report-links";
import { addCounts, RowErrorList, type ErrorCounts } from "./row-errors";
import type { MissingPersonRow, PoliceReportRow, RowError } from "./validate-row";

export interface ImportCounts {
  rows: number;
  new: number;
  alreadyPresent: number;
  invalid: number;
  /** Reports on file with other content: left out until the user chooses. */
  conflicts: number;
  /** Conflicts where the user chose the file's version: the registry's report is corrected. */
  replaced: number;
  /** People the new reports name: created, or linked to the person on file the user chose. */
  peopleCreated: number;
  peopleLinked: number;
  /** Reports on file that the file names people for who are not linked to them yet: linked now. */
  reportsLinked: number;
}

/** A report on file that the file's version replaces, as the user chose. */
export interface Replacement {
  row: ValidRow;
  existingId: string;
  version: number;
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
  /** Every conflict with both versions (the first MAX_LISTED_ERRORS). */
  conflicts: ImportConflict[];
  replacements: Replacement[];
  /** Reports on file to be linked to the people the file names for them (created or on file). */
  linksOnFile: ReportLinks[];
  /** New people the registry probably has already, each with its likely matches and the user's choice. */
  personMatches: PersonMatch[];
  /** The people the new reports name that are to be created (the rest are linked to people on file). */
  newPeople: NamedPeopleReview["decisions"];
  /** The first records to be created or corrected, with the people each is linked to. */
  preview: PreviewRecord[];
}

export type { PersonMatch };

/** The file's own header for a field, so the error points at the column the user knows. */
function headerOf(parsed: ParsedSheet, field: string): string {
  return parsed.headers[parsed.mapping.indexOf(field)] ?? field;
}

interface ReferenceCheck {
  errors: RowErrorList;
  /** Rows refused because they name a record that does not exist (by rowIdentity). */
  refusedRows: Set<string>;
  references: Map<string, string>;
}

/** Row numbers repeat from sheet to sheet: a row is its sheet and its number. */
const sheetOf = (row: ValidRow) => (row.sheet === undefined ? {} : { sheet: row.sheet });
const rowIdentity = (row: { rowNumber: number; sheet?: string }) => `${row.sheet ?? ""}\u0000${row.rowNumber}`;

async function referenceErrors(db: Executor, parsed: ParsedSheet): Promise<ReferenceCheck> {
  const errors = new RowErrorList();
  const refusedRows = new Set<string>();
  const refuse = (error: RowError) => {
    errors.add(error);
    refusedRows.add(rowIdentity(error));
  };
  if (parsed.kind === "policeReports") {
    const named = parsed.validRows.flatMap((row) => (row.values as PoliceReportRow).caseNumbers);
    const references = await resolveCaseNumbers(db, named);
    for (const row of parsed.validRows) {
      for (const caseNumber of (row.values as PoliceReportRow).caseNumbers) {
        if (!references.has(caseNumber)) refuse({ rowNumber: row.rowNumber, ...sheetOf(row), column: headerOf(parsed, "caseNumbers"), problem: "unknownCaseNumber", values: { value: caseNumber } });
      }
    }
    return { errors, refusedRows, references };
  }
  const named = parsed.validRows.flatMap((row) => (row.values as MissingPersonRow).familyReference ?? []);
  const references = await resolveFamilyReferences(db, named);
  for (const row of parsed.validRows) {
    const reference = (row.values as MissingPersonRow).familyReference;
    if (reference !== null && !references.has(reference)) refuse({ rowNumber: row.rowNumber, ...sheetOf(row), column: headerOf(parsed, "familyReference"), problem: "unknownFamily", values: { value: reference } });
  }
  return { errors, refusedRows, references };
}

interface Sorted {
  newRows: ValidRow[];
  alreadyPresent: number;
  conflicts: ImportConflict[];
  conflictCount: number;
  replacements: Replacement[];
  linksOnFile: ReportLinks[];
  personMatches: PersonMatch[];
}

/**
 * A report already on file is the same report (nothing to do) or another version of it: a conflict
 * with both versions, decided by the user's choice, never skipped without a word. A new report
 * naming a person the user has not yet decided on (a likely match on file) waits with that person.
 * A report on file creates no report, but the people the file names for it who are not linked to
 * it yet go through the same review and are linked; until the user has decided on them, it waits.
 */
async function sortReports(
  db: Executor,
  rows: ValidRow[],
  choices: Readonly<Record<string, ConflictChoice>>,
  references: ReadonlyMap<string, string>,
): Promise<Sorted & { review: NamedPeopleReview }> {
  const existing = await existingReports(db, rows.map((row) => row.key));
  const linkedPeople = await linkedPeopleOfReports(db, [...existing.values()].map((report) => report.id));
  const unlinked = new Map<ValidRow, ValidRow>();
  for (const row of rows) {
    const onFile = existing.get(row.key);
    const part = onFile ? unlinkedPart(row, linkedPeople.get(onFile.id) ?? [], references) : null;
    if (part) unlinked.set(row, part);
  }
  const reviewed = rows.flatMap((row) => (existing.has(row.key) ? (unlinked.get(row) ?? []) : [row]));
  const review = await reviewNamedPeople(db, reviewed, choices);
  const waitsForPeople = (row: ValidRow) => (row.values as PoliceReportRow).namedPeople.some((person) => review.decisions.get(person.key)?.action === "undecided");
  const sorted: Sorted & { review: NamedPeopleReview } = { newRows: [], alreadyPresent: 0, conflicts: [], conflictCount: 0, replacements: [], linksOnFile: [], personMatches: review.personMatches, review };
  for (const row of rows) {
    const onFile = existing.get(row.key);
    const incoming = row.values as PoliceReportRow;
    if (!onFile) {
      if (waitsForPeople(row)) sorted.conflictCount += 1;
      else sorted.newRows.push(row);
      continue;
    }
    const toLink = unlinked.get(row);
    const fields = differingFields(onFile, incoming);
    const choice = fields.length === 0 ? "keep" : (choices[row.key] ?? null);
    if (choice !== null && toLink && waitsForPeople(toLink)) sorted.conflictCount += 1;
    else if (choice === "keep") sorted.alreadyPresent += 1;
    else if (choice === "replace") sorted.replacements.push({ row, existingId: onFile.id, version: onFile.version });
    else sorted.conflictCount += 1;
    if (choice !== null && toLink && !waitsForPeople(toLink)) sorted.linksOnFile.push({ row: toLink, reportId: onFile.id });
    if (fields.length > 0 && sorted.conflicts.length < MAX_LISTED_ERRORS) {
      sorted.conflicts.push({
        rowNumber: row.rowNumber,
        ...(row.sheet === undefined ? {} : { sheet: row.sheet }),
        key: row.key,
        reportNumber: incoming.reportNumber,
        station: incoming.station,
        existing: { ...reportVersion(onFile), id: onFile.id, version: onFile.version },
        incoming: reportVersion(incoming),
        fields,
        choice,
      });
    }
  }
  return sorted;
}

/**
 * A person not on file by case number still goes through the forms' duplicate review: with likely
 * matches, the row waits for the user to say "that is this person on file" (nothing created) or
 * "create"; never created twice without a look.
 */
async function sortPersons(db: Executor, rows: ValidRow[], choices: Readonly<Record<string, ConflictChoice>>): Promise<Sorted> {
  const present = await existingCaseNumbers(db, rows.flatMap((row) => (row.key.startsWith("name:") ? [] : [row.key])));
  const sorted: Sorted = { newRows: [], alreadyPresent: 0, conflicts: [], conflictCount: 0, replacements: [], linksOnFile: [], personMatches: [] };
  const isOnFile = (row: ValidRow) => !row.key.startsWith("name:") && present.has(row.key);
  // Every person not on file is looked up, together (a few hundred per statement): before the batch,
  // only the first 500 were, and the rest of a longer register was created without a look.
  const reviewed = rows.filter((row) => !isOnFile(row));
  const found = await likelyMatchesOfMany(db, reviewed.map((row) => row.values as MissingPersonRow));
  const matchesOf = new Map(reviewed.map((row, index) => [row, found[index] ?? []]));
  for (const row of rows) {
    if (isOnFile(row)) {
      sorted.alreadyPresent += 1;
      continue;
    }
    const person = row.values as MissingPersonRow;
    const matches = matchesOf.get(row) ?? [];
    const choice = choices[row.key] ?? null;
    if (matches.length > 0) sorted.personMatches.push({ rowNumber: row.rowNumber, ...sheetOf(row), key: row.key, name: fullNameOf(person), matches, choice });
    const decided = decide(matches, choice);
    if (decided === "create") sorted.newRows.push(row);
    else if (decided === "undecided") sorted.conflictCount += 1;
    else sorted.alreadyPresent += 1;
  }
  return sorted;
}

const NO_NAMED_PEOPLE: NamedPeopleReview = { decisions: new Map(), personMatches: [] };

/** The people the new reports (and the reports on file to be linked) name, counted once each: to be created, or linked to a person on file. */
function namedPeopleOf(rows: readonly ValidRow[], review: NamedPeopleReview): { created: NamedPeopleReview["decisions"]; linked: number } {
  const created: NamedPeopleReview["decisions"] = new Map();
  const linked = new Set<string>();
  for (const row of rows) {
    // A person's row names nobody else: only a report has a names cell.
    for (const person of (row.values as Partial<PoliceReportRow>).namedPeople ?? []) {
      const decision = review.decisions.get(person.key);
      if (decision?.action === "create") created.set(person.key, decision);
      if (decision?.action === "link") linked.add(decision.id);
    }
  }
  return { created, linked: linked.size };
}

/**
 * Sorts the checked rows against the database: new, already present (same natural key and
 * content, so a re-import creates nothing), in conflict with the registry's version, or invalid
 * (including references to records that do not exist).
 */
export async function classifyRows(db: Executor, parsed: ParsedSheet, choices: Readonly<Record<string, ConflictChoice>> = {}): Promise<ClassifiedImport> {
  const { errors: lookupErrors, refusedRows, references } = await referenceErrors(db, parsed);
  const candidates = parsed.validRows.filter((row) => !refusedRows.has(rowIdentity(row)));
  const sorted = parsed.kind === "policeReports" ? await sortReports(db, candidates, choices, references) : { ...(await sortPersons(db, candidates, choices)), review: NO_NAMED_PEOPLE };
  const { review } = sorted;
  const people = namedPeopleOf([...sorted.newRows, ...sorted.linksOnFile.map((links) => links.row)], review);
  // A name the user linked to a person on file resolves, like a case number, to that person's id.
  for (const [key, decision] of review.decisions) if (decision.action === "link") references.set(key, decision.id);
  // Each list holds its first problems by row, so the first of both together are among them.
  const listed = [...parsed.errors, ...lookupErrors.listed].sort((first, second) => first.rowNumber - second.rowNumber);
  return {
    counts: {
      rows: parsed.rowCount,
      new: sorted.newRows.length,
      alreadyPresent: sorted.alreadyPresent,
      invalid: parsed.invalidRows + refusedRows.size,
      conflicts: sorted.conflictCount,
      replaced: sorted.replacements.length,
      peopleCreated: people.created.size,
      peopleLinked: people.linked,
      reportsLinked: sorted.linksOnFile.length,
    },
    errors: listed.slice(0, MAX_LISTED_ERRORS),
    errorCount: parsed.errorCount + lookupErrors.total,
    errorCounts: addCounts(parsed.errorCounts, lookupErrors.counts),
    newRows: sorted.newRows,
    references,
    conflicts: sorted.conflicts,
    replacements: sorted.replacements,
    linksOnFile: sorted.linksOnFile,
    personMatches: sorted.personMatches,
    newPeople: people.created,
    preview: previewOf(parsed.kind, sorted.newRows, sorted.replacements, review, sorted.linksOnFile),
  };
}
