"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ConfirmDialog } from "@/components/users/confirm-dialog";
import { primaryButtonClassName } from "@/components/users/button-class";
import { IMPORT_KINDS, type ImportKind } from "@/lib/import/fields";
import type { ColumnMapping, MappingProblem } from "@/lib/import/headers";
import type { ReadOptions } from "@/lib/import/read-options";
import type { ConflictChoice } from "@/lib/import/report-conflicts";
import { Link } from "@/lib/i18n/navigation";
import { ImportProgressBar } from "./import-progress";
import { ImportReport } from "./import-report";
import { fieldLabel, MappingTable } from "./mapping-table";
import { ConflictChoices } from "./conflict-choices";
import { PersonMatches } from "./person-matches";
import { readOptionsOf, SheetChooser } from "./sheet-chooser";
import { ValueChoices } from "./value-choices";
import { useImportRequest, type ImportOutcome } from "./use-import-request";
import { FileChooser } from "@/components/forms/file-chooser";

/** Upload → columns → dry run → confirm → commit, each step answered by the import route. */
export function ImportWizard() {
  const t = useTranslations("Import");
  const locale = useLocale();
  const [kind, setKind] = useState<ImportKind>("policeReports");
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [mappingChanged, setMappingChanged] = useState(false);
  const [readOptions, setReadOptions] = useState<ReadOptions | null>(null);
  const [conflictChoices, setConflictChoices] = useState<Record<string, ConflictChoice>>({});
  const { send, progress, running } = useImportRequest();
  const dialogRef = useRef<HTMLDialogElement>(null);

  function reset(nextFile: File | null, nextKind: ImportKind) {
    setFile(nextFile);
    setKind(nextKind);
    setMapping(null);
    setOutcome(null);
    setReadOptions(null);
    setConflictChoices({});
  }

  /** Any choice about how the file is read invalidates the last dry run until it is checked again. */
  function changing<T>(set: (next: T) => void): (next: T) => void {
    return (next) => {
      set(next);
      setMappingChanged(true);
    };
  }

  async function run(mode: "dryRun" | "commit") {
    if (!file) return;
    const answer = await send(file, kind, mode, mode === "commit" || mappingChanged ? mapping : null, readOptions, conflictChoices);
    setOutcome(answer);
    setMappingChanged(false);
    if (answer.type === "mapping" || answer.type === "result") {
      setMapping(answer.mapping);
      setReadOptions({ ...readOptions, ...readOptionsOf(answer.sheets, answer.hiddenRows), ...(answer.type === "result" ? { dateOrders: Object.fromEntries(answer.dateColumns.map((column) => [column.field, column.used])) } : {}) });
    }
  }

  function mappingMessage(problem: MappingProblem): string {
    const join = (items: string[]) => items.join(locale === "ar" ? "، " : ", ");
    switch (problem.problem) {
      case "unmappedColumns":
        return t("mappingProblems.unmappedColumns", { columns: join(problem.columns) });
      case "sheetHeadersDiffer":
        return t("mappingProblems.sheetHeadersDiffer", { sheet: problem.sheet, columns: join(problem.columns) });
      case "wrongColumnCount":
      case "noSheetChosen":
        return t(`mappingProblems.${problem.problem}`);
      default:
        return t(`mappingProblems.${problem.problem}`, { fields: list(problem.fields) });
    }
  }

  const headers = outcome?.type === "mapping" || outcome?.type === "result" ? outcome.headers : null;
  const lastDryRun = outcome?.type === "result" && outcome.mode === "dryRun" ? outcome : null;
  const dryRun = lastDryRun && !mappingChanged ? lastDryRun : null;
  const list = (items: string[]) => items.map((key) => fieldLabel(kind, key, locale)).join(locale === "ar" ? "، " : ", ");

  return (
    <div className="space-y-6">
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("kindLegend")}</legend>
        {IMPORT_KINDS.map((option) => (
          <label key={option} className="me-6 inline-flex items-center gap-2">
            <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => reset(file, option)} />
            {t(`kinds.${option}`)}
          </label>
        ))}
        <p className="text-sm">
          {t("templates")}{" "}
          <a className="text-accent underline" href={`/api/staff/import/template?kind=${kind}&format=csv`} download>{t("templateCsv")}</a>
          {" · "}
          <a className="text-accent underline" href={`/api/staff/import/template?kind=${kind}&format=xlsx`} download>{t("templateXlsx")}</a>
        </p>
      </fieldset>
      <div className="space-y-2">
        <label htmlFor="import-file" className="block font-medium">{t("fileLabel")}</label>
        <FileChooser
          id="import-file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => reset(event.target.files?.[0] ?? null, kind)}
        />
      </div>
      <button type="button" className={primaryButtonClassName} disabled={!file || running} onClick={() => void run("dryRun")}>
        {mappingChanged ? t("checkAgain") : t("check")}
      </button>
      {running ? <ImportProgressBar progress={progress} /> : null}
      {outcome?.type === "fileError" || outcome?.type === "requestFailed" ? (
        <p role="alert" className="rounded border border-red-800 p-3 text-red-800">{t(`fileErrors.${outcome.key}`, outcome.type === "fileError" ? outcome.values : {})}</p>
      ) : null}
      {outcome?.type === "mapping" ? (
        <p role="alert" className="rounded border border-red-800 p-3 text-red-800">{mappingMessage(outcome.problem)}</p>
      ) : null}
      {(outcome?.type === "mapping" || outcome?.type === "result") && readOptions && outcome.sheets.length > 0 ? (
        <SheetChooser
          sheets={outcome.sheets}
          options={readOptions}
          onChange={changing(setReadOptions)}
        />
      ) : null}
      {headers && mapping ? (
        <MappingTable
          kind={kind}
          headers={headers}
          mapping={mapping}
          onChange={changing(setMapping)}
        />
      ) : null}
      {outcome?.type === "result" && !mappingChanged ? <ImportReport result={outcome} /> : null}
      {lastDryRun && readOptions ? (
        <ValueChoices
          dateColumns={lastDryRun.dateColumns}
          codedValues={lastDryRun.codedValues}
          options={readOptions}
          onChange={changing(setReadOptions)}
        />
      ) : null}
      {lastDryRun && lastDryRun.personMatches.length > 0 ? (
        <PersonMatches
          matches={lastDryRun.personMatches}
          choices={conflictChoices}
          onChange={changing(setConflictChoices)}
        />
      ) : null}
      {lastDryRun && lastDryRun.conflicts.length > 0 ? (
        <ConflictChoices
          conflicts={lastDryRun.conflicts}
          choices={conflictChoices}
          onChange={changing(setConflictChoices)}
        />
      ) : null}
      {dryRun && file ? (
        dryRun.counts.new + dryRun.counts.replaced > 0 ? (
          <>
            <button type="button" className={primaryButtonClassName} disabled={running} onClick={() => dialogRef.current?.showModal()}>
              {t("commit", { count: dryRun.counts.new + dryRun.counts.replaced })}
            </button>
            <ConfirmDialog
              id="import-confirm"
              dialogRef={dialogRef}
              question={t("confirmCommit", { count: dryRun.counts.new + dryRun.counts.replaced, fileName: file.name })}
              confirmLabel={t("confirm")}
              onConfirm={() => void run("commit")}
            />
          </>
        ) : (
          <p>{t("noNewRows")}</p>
        )
      ) : null}
      {outcome?.type === "result" && outcome.mode === "commit" ? (
        <Link href={kind === "policeReports" ? "/staff/reports" : "/staff/search"} className="text-accent underline">
          {kind === "policeReports" ? t("viewReports") : t("viewSearch")}
        </Link>
      ) : null}
    </div>
  );
}
