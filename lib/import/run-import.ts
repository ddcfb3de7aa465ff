import type { Database } from "@/db/client";
import { classifyRows, type ImportCounts, type PersonMatch } from "./classify";
import { commitImport, type ImportActor } from "./commit";
import { ImportFileError, type FileFormat, type TextEncodingName } from "./decode";
import type { ImportKind } from "./fields";
import type { ColumnMapping, MappingProblem } from "./headers";
import { claimImportRun } from "./import-lock";
import { yieldToEventLoop } from "./limits";
import type { ImportProgress, ParsedSheet } from "./parse-file";
import { parseReusingLast } from "./parse-reuse";
import type { ReadOptions, SheetSummary } from "./read-options";
import type { PreviewRecord } from "./preview";
import type { ConflictChoice, ImportConflict } from "./report-conflicts";
import type { CodedField, CodedValue, DateColumnSummary } from "./column-readers";
import { DEFAULT_READ_OPTIONS } from "./read-options";
import { rememberValues, withRememberedValues } from "./remembered-values";
import type { ErrorCounts } from "./row-errors";
import type { RowError } from "./validate-row";

export type ImportMode = "dryRun" | "commit";

/** The lines of the import's NDJSON answer: progress while it works, then exactly one outcome. */
export type ImportEvent =
  | ({ type: "progress" } & ImportProgress)
  | { type: "fileError"; key: ImportFileError["key"]; values: Record<string, string | number> }
  | { type: "mapping"; headers: string[]; mapping: ColumnMapping; problem: MappingProblem; format: FileFormat; sheets: SheetSummary[]; hiddenRows: ReadOptions["hiddenRows"] }
  | {
      type: "result";
      mode: ImportMode;
      sha256: string;
      format: FileFormat;
      encoding: TextEncodingName | null;
      headers: string[];
      sheets: SheetSummary[];
      hiddenRows: ReadOptions["hiddenRows"];
      mapping: ColumnMapping;
      counts: ImportCounts;
      errors: RowError[];
      errorCount: number;
      errorCounts: ErrorCounts;
      conflicts: ImportConflict[];
      personMatches: PersonMatch[];
      preview: PreviewRecord[];
      dateColumns: DateColumnSummary[];
      codedValues: { field: CodedField; values: CodedValue[] }[];
      importId: string | null;
    };

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  kind: ImportKind;
  mapping: ColumnMapping | null;
  /** Sheets, header rows and hidden rows; by default the register's visible sheets, hidden rows skipped. */
  readOptions?: ReadOptions;
  /** Report key → the user's choice for a report on file with other content. */
  conflictChoices?: Record<string, ConflictChoice>;
  mode: ImportMode;
  actor: ImportActor;
}

async function dryRun(db: Database, parsed: ParsedSheet, onProgress: (progress: ImportProgress) => void, choices: Record<string, ConflictChoice>) {
  onProgress({ phase: "check" });
  await yieldToEventLoop();
  return { ...(await classifyRows(db, parsed, choices)), importId: null };
}

/**
 * Checks a file (dry run) or imports it (commit), reporting each step through `emit`. A user runs
 * one import at a time; the file is read in a process of its own, the database is used from here.
 */
export async function runImport(db: Database, request: ImportRequest, emit: (event: ImportEvent) => void): Promise<void> {
  const release = await claimImportRun(db, request.actor.actorId);
  if (!release) {
    emit({ type: "fileError", key: "importRunning", values: {} });
    return;
  }
  try {
    await checkAndImport(db, request, emit);
  } finally {
    await release();
  }
}

async function checkAndImport(db: Database, request: ImportRequest, emit: (event: ImportEvent) => void): Promise<void> {
  const onProgress = (progress: ImportProgress) => emit({ type: "progress", ...progress });
  try {
    const readOptions = await withRememberedValues(db, request.readOptions ?? DEFAULT_READ_OPTIONS);
    const outcome = await parseReusingLast({ bytes: request.bytes, kind: request.kind, mapping: request.mapping, readOptions }, onProgress);
    if ("problem" in outcome) {
      const { headers, mapping, format, sheets, hiddenRows } = outcome.sheet;
      emit({ type: "mapping", headers, mapping, problem: outcome.problem, format, sheets, hiddenRows });
      return;
    }
    const { parsed } = outcome;
    const classified =
      request.mode === "commit"
        ? await commitImport(db, parsed, request.actor, request.fileName, onProgress, request.conflictChoices ?? {})
        : await dryRun(db, parsed, onProgress, request.conflictChoices ?? {});
    if (request.mode === "commit") await rememberValues(db, request.readOptions?.valueMappings, request.actor.actorId);
    emit({
      type: "result",
      mode: request.mode,
      sha256: parsed.sha256,
      format: parsed.format,
      encoding: parsed.encoding,
      headers: parsed.headers,
      sheets: parsed.sheets,
      hiddenRows: parsed.hiddenRows,
      mapping: parsed.mapping,
      counts: classified.counts,
      errors: classified.errors,
      errorCount: classified.errorCount,
      errorCounts: classified.errorCounts,
      conflicts: classified.conflicts,
      personMatches: classified.personMatches,
      preview: classified.preview,
      dateColumns: parsed.dateColumns,
      codedValues: parsed.codedValues,
      importId: classified.importId,
    });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    emit({ type: "fileError", key: error.key, values: error.values });
  }
}
