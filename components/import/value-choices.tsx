"use client";

import { useTranslations } from "next-intl";
import { CODED_FIELDS, type CodedField, type CodedValue, type DateColumnSummary } from "@/lib/import/column-readers";
import type { DateOrder } from "@/lib/import/date-values";
import type { ReadOptions } from "@/lib/import/read-options";

interface ValueChoicesProps {
  dateColumns: DateColumnSummary[];
  codedValues: { field: CodedField; values: CodedValue[] }[];
  options: ReadOptions;
  onChange: (options: ReadOptions) => void;
}

/** The order of each date column, to confirm, and each distinct code of a coded column, to map once. */
export function ValueChoices({ dateColumns, codedValues, options, onChange }: ValueChoicesProps) {
  const t = useTranslations("Import.values");
  const setOrder = (field: string, order: DateOrder) => onChange({ ...options, dateOrders: { ...options.dateOrders, [field]: order } });
  const setCode = (field: CodedField, normalised: string, code: string) => {
    const current = options.valueMappings?.[field] ?? {};
    onChange({ ...options, valueMappings: { ...options.valueMappings, [field]: { ...current, [normalised]: code } } });
  };
  if (dateColumns.length === 0 && codedValues.length === 0) return null;
  return (
    <section className="space-y-3" aria-labelledby="import-values-title" data-testid="import-values">
      <h2 id="import-values-title" className="text-lg font-semibold">{t("title")}</h2>
      {dateColumns.map((column) => (
        <fieldset key={column.field} className="space-y-1">
          <legend className="font-medium">{t("dateOrderLegend", { field: t(`fields.${column.field as "filedOn" | "lastSeenOn"}`), dayFirst: column.dayFirst, monthFirst: column.monthFirst, ambiguous: column.ambiguous })}</legend>
          {(["dayFirst", "monthFirst"] as const).map((order) => (
            <label key={order} className="me-6 inline-flex items-center gap-2">
              <input type="radio" name={`date-order-${column.field}`} checked={(options.dateOrders?.[column.field] ?? column.used) === order} onChange={() => setOrder(column.field, order)} />
              {t(`orders.${order}`)}
            </label>
          ))}
        </fieldset>
      ))}
      {codedValues.map(({ field, values }) => (
        <table key={field} className="w-full text-sm">
          <caption className="text-start font-medium">{t("codedCaption", { field: t(`fields.${field}`) })}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 text-start">{t("value")}</th>
              <th scope="col" className="py-1 text-start">{t("count")}</th>
              <th scope="col" className="py-1 text-start">{t("code")}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((value) => (
              <tr key={value.normalised} className="border-b border-line">
                <td className="py-1 pe-3" dir="auto">{value.value}</td>
                <td className="py-1 pe-3">{value.count}</td>
                <td className="py-1">
                  {value.source === "known" ? (
                    t(`codes.${value.target as (typeof CODED_FIELDS)[CodedField][number]}`)
                  ) : (
                    <select aria-label={value.value} className="rounded border border-line bg-white px-2 py-1" value={options.valueMappings?.[field]?.[value.normalised] ?? value.target ?? ""} onChange={(event) => setCode(field, value.normalised, event.target.value)}>
                      <option value="">{t("unmapped")}</option>
                      {CODED_FIELDS[field].map((code) => (
                        <option key={code} value={code}>{t(`codes.${code}`)}</option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
