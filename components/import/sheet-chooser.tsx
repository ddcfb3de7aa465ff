"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReadOptions, SheetSummary } from "@/lib/import/read-options";

interface SheetChooserProps {
  sheets: SheetSummary[];
  options: ReadOptions;
  onChange: (options: ReadOptions) => void;
}

/** The options the server answered with, made explicit so that the next check reads the same. */
export function readOptionsOf(sheets: SheetSummary[], hiddenRows: ReadOptions["hiddenRows"]): ReadOptions {
  return {
    sheets: sheets.filter((sheet) => sheet.chosen).map((sheet) => sheet.name),
    headerRows: Object.fromEntries(sheets.flatMap((sheet) => (sheet.headerRow === null ? [] : [[sheet.name, sheet.headerRow]]))),
    hiddenRows,
  };
}

/** Every sheet of the file with its rows; the user picks the sheets, each one's header row, and hidden rows. */
export function SheetChooser({ sheets, options, onChange }: SheetChooserProps) {
  const t = useTranslations("Import.sheets");
  const separator = useLocale() === "ar" ? "، " : ", ";
  const chosen = new Set(options.sheets ?? []);
  const hiddenRowCount = sheets.reduce((total, sheet) => total + sheet.hiddenRowCount, 0);
  const toggle = (name: string) => onChange({ ...options, sheets: sheets.map((sheet) => sheet.name).filter((other) => (other === name ? !chosen.has(name) : chosen.has(other))) });
  return (
    <section className="space-y-3" aria-labelledby="import-sheets-title" data-testid="import-sheets">
      <h2 id="import-sheets-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {sheets.map((sheet) => (
        <fieldset key={sheet.name} className="space-y-2 rounded border border-line p-3" data-testid="import-sheet">
          <legend className="px-1">
            <label className="inline-flex items-center gap-2 font-medium">
              <input type="checkbox" checked={chosen.has(sheet.name)} onChange={() => toggle(sheet.name)} />
              <span dir="auto">{sheet.name || t("csvSheet")}</span>
            </label>
          </legend>
          <p className="text-sm">
            {t("rowCount", { count: sheet.rowCount })}
            {sheet.hidden ? ` · ${t("hiddenSheet")}` : ""}
            {sheet.hiddenRowCount > 0 ? ` · ${t("hiddenRowsOfSheet", { count: sheet.hiddenRowCount, rows: sheet.hiddenRowNumbers.join(separator) })}` : ""}
            {sheet.hiddenColumns.length > 0 ? ` · ${t("hiddenColumns", { columns: sheet.hiddenColumns.join(separator) })}` : ""}
          </p>
          {sheet.preview.length > 0 ? <HeaderRowChoice sheet={sheet} value={options.headerRows?.[sheet.name] ?? sheet.headerRow} onChange={(row) => onChange({ ...options, headerRows: { ...options.headerRows, [sheet.name]: row } })} /> : null}
        </fieldset>
      ))}
      {hiddenRowCount > 0 ? (
        <fieldset className="space-y-1">
          <legend className="font-medium">{t("hiddenRowsLegend", { count: hiddenRowCount })}</legend>
          {(["skip", "read"] as const).map((choice) => (
            <label key={choice} className="me-6 inline-flex items-center gap-2">
              <input type="radio" name="hidden-rows" checked={options.hiddenRows === choice} onChange={() => onChange({ ...options, hiddenRows: choice })} />
              {t(`hiddenRows.${choice}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}

function HeaderRowChoice({ sheet, value, onChange }: { sheet: SheetSummary; value: number | null; onChange: (row: number) => void }) {
  const t = useTranslations("Import.sheets");
  return (
    <details>
      <summary className="cursor-pointer text-sm">{t("headerRow", { row: value ?? "—" })}</summary>
      <table className="mt-2 w-full text-xs">
        <caption className="sr-only">{t("previewCaption", { sheet: sheet.name })}</caption>
        <tbody>
          {sheet.preview.map((row) => (
            <tr key={row.rowNumber} className={`border-b border-line ${row.rowNumber === value ? "font-semibold" : ""}`}>
              <th scope="row" className="py-1 pe-2 text-start">
                <label className="inline-flex items-center gap-1">
                  <input type="radio" name={`header-${sheet.name}`} checked={row.rowNumber === value} onChange={() => onChange(row.rowNumber)} aria-label={t("useAsHeader", { row: row.rowNumber })} />
                  {row.rowNumber}
                </label>
              </th>
              {row.cells.map((cell, index) => (
                <td key={index} className="py-1 pe-2" dir="auto">{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
