"use client";

import { useTranslations } from "next-intl";
import type { RowError } from "@/lib/kinship/csv";

/** The rows of a file that were refused, each with its line as the spreadsheet numbers it. */
export function RowErrorList({ errors, total }: { errors: readonly RowError[]; total: number }) {
  const t = useTranslations("Kinship");
  if (errors.length === 0) return null;
  return (
    <section className="space-y-2" aria-labelledby="row-errors-title" data-testid="row-errors">
      <h3 id="row-errors-title" className="font-semibold">
        {t("rowErrorsTitle")}
      </h3>
      {total > errors.length && <p className="text-sm text-muted">{t("moreErrors", { shown: errors.length, total })}</p>}
      <table className="w-full text-start text-sm">
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 pe-3 text-start">{t("line")}</th>
            <th scope="col" className="py-1 pe-3 text-start">{t("problem")}</th>
            <th scope="col" className="py-1 text-start">{t("value")}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error) => (
            <tr key={`${error.line}-${error.code}`} className="border-b border-line">
              <td className="py-1 pe-3 tabular-nums">{error.line}</td>
              <td className="py-1 pe-3">{t(`rowError.${error.code}`)}</td>
              <td className="py-1" dir="ltr">{error.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
