"use client";

import { useTranslations } from "next-intl";
import { problemsSheet } from "@/lib/import/problems-sheet";
import { ImportPreview } from "./import-preview";
import type { ImportEvent } from "@/lib/import/run-import";

type ImportResult = Extract<ImportEvent, { type: "result" }>;

/** Counts, the file's fingerprint and every row problem with its row number, column and message. */
export function ImportReport({ result }: { result: ImportResult }) {
  const t = useTranslations("Import");
  const alwaysShown = new Set(["rows", "new", "alreadyPresent", "invalid"]);
  const countKeys = (["rows", "new", "alreadyPresent", "invalid", "conflicts", "replaced", "peopleCreated", "peopleLinked", "reportsLinked"] as const).filter((key) => alwaysShown.has(key) || result.counts[key] > 0);
  const hasSheets = result.errors.some((error) => error.sheet !== undefined);
  return (
    <section className="space-y-4" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title" className="text-lg font-semibold">
        {result.mode === "commit" ? t("committedTitle") : t("dryRunTitle")}
      </h2>
      {result.mode === "commit" ? <p role="status">{t("committed", { count: result.counts.new })}</p> : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {countKeys.map((key) => (
          <div key={key} className="rounded border border-line p-3" data-testid={`import-count-${key}`}>
            <dt className="text-sm text-muted">{t(`counts.${key}`)}</dt>
            <dd className="text-2xl font-semibold">{result.counts[key]}</dd>
          </div>
        ))}
      </dl>
      <p className="break-all text-xs text-muted">
        {t("fileDetails", { format: result.format.toUpperCase(), encoding: result.encoding ?? t("encodingNone"), sha256: result.sha256 })}
      </p>
      {result.mode === "dryRun" ? <ImportPreview records={result.preview} total={result.counts.new + result.counts.replaced} /> : null}
      {result.errors.length > 0 ? (
        <div className="space-y-2">
          <h3 className="font-semibold">{t("errorsTitle")}</h3>
          <a
            className="text-accent underline"
            download="import-problems.csv"
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(
              problemsSheet(result.errors, [t("sheetHeader"), t("rowHeader"), t("columnHeader"), t("valueHeader"), t("problemHeader")], (error) => t(`rowErrors.${error.problem}`, error.values ?? {})),
            )}`}
          >
            {t("downloadProblems")}
          </a>
          {result.errorCount > result.errors.length ? <ErrorsNotListed result={result} /> : null}
          <table className="w-full text-sm" data-testid="import-errors">
            <thead>
              <tr className="border-b border-line">
                {hasSheets ? <th scope="col" className="py-1 text-start">{t("sheetHeader")}</th> : null}
                <th scope="col" className="py-1 text-start">{t("rowHeader")}</th>
                <th scope="col" className="py-1 text-start">{t("columnHeader")}</th>
                <th scope="col" className="py-1 text-start">{t("valueHeader")}</th>
                <th scope="col" className="py-1 text-start">{t("problemHeader")}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((error, index) => (
                <tr key={`${error.rowNumber}-${index}`} className="border-b border-line">
                  {hasSheets ? <td className="py-1 pe-3" dir="auto">{error.sheet ?? ""}</td> : null}
                  <td className="py-1 pe-3">{error.rowNumber}</td>
                  <td className="py-1 pe-3" dir="auto">{error.column || t("wholeRow")}</td>
                  <td className="py-1 pe-3" dir="auto">{error.values?.value ?? ""}</td>
                  <td className="py-1">{t(`rowErrors.${error.problem}`, error.values ?? {})}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Beyond the listed problems only counts are kept: how many were left out, and all of them by kind. */
function ErrorsNotListed({ result }: { result: ImportResult }) {
  const t = useTranslations("Import");
  const counts = Object.entries(result.errorCounts) as [keyof ImportResult["errorCounts"], number][];
  return (
    <div className="space-y-1 text-sm" data-testid="import-errors-not-listed">
      <p>{t("errorsTruncated", { shown: result.errors.length, total: result.errorCount })}</p>
      <p>{t("errorsNotListed", { count: result.errorCount - result.errors.length })}</p>
      <ul className="list-inside list-disc">
        {counts.map(([problem, count]) => (
          <li key={problem}>
            {t(`errorKinds.${problem}`)}: {count}
          </li>
        ))}
      </ul>
    </div>
  );
}
