"use client";

import { useTranslations } from "next-intl";
import type { ConflictChoice, ImportConflict } from "@/lib/import/report-conflicts";

interface ConflictChoicesProps {
  conflicts: ImportConflict[];
  choices: Record<string, ConflictChoice>;
  onChange: (choices: Record<string, ConflictChoice>) => void;
}

/** Each report on file with other content: both versions side by side, and the user's choice. */
export function ConflictChoices({ conflicts, choices, onChange }: ConflictChoicesProps) {
  const t = useTranslations("Import.conflicts");
  return (
    <section className="space-y-3" aria-labelledby="import-conflicts-title" data-testid="import-conflicts">
      <h2 id="import-conflicts-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {conflicts.map((conflict) => (
        <fieldset key={conflict.key} className="space-y-2 rounded border border-line p-3">
          <legend className="px-1 font-medium" dir="auto">{t("report", { number: conflict.reportNumber, station: conflict.station, row: conflict.rowNumber })}</legend>
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 text-start">{t("field")}</th>
                <th scope="col" className="py-1 text-start">{t("existing")}</th>
                <th scope="col" className="py-1 text-start">{t("incoming")}</th>
              </tr>
            </thead>
            <tbody>
              {conflict.fields.map((field) => (
                <tr key={field} className="border-b border-line">
                  <th scope="row" className="py-1 pe-3 text-start font-normal">{t(`fields.${field}`)}</th>
                  <td className="py-1 pe-3" dir="auto">{conflict.existing[field]}</td>
                  <td className="py-1" dir="auto">{conflict.incoming[field]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {(["keep", "replace"] as const).map((choice) => (
            <label key={choice} className="me-6 inline-flex items-center gap-2">
              <input type="radio" name={`conflict-${conflict.key}`} checked={choices[conflict.key] === choice} onChange={() => onChange({ ...choices, [conflict.key]: choice })} />
              {t(choice)}
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}
