"use client";

import { useLocale, useTranslations } from "next-intl";
import { fieldDestination, IGNORE_COLUMN, IMPORT_FIELDS, type ImportKind } from "@/lib/import/fields";
import type { ColumnMapping } from "@/lib/import/headers";

interface MappingTableProps {
  kind: ImportKind;
  headers: string[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

/** Each column of the file with the field it fills, recognised from its header and adjustable. */
export function MappingTable({ kind, headers, mapping, onChange }: MappingTableProps) {
  const t = useTranslations("Import");
  const locale = useLocale();
  const fields = IMPORT_FIELDS[kind];
  return (
    <section className="space-y-2" aria-labelledby="import-mapping-title">
      <h2 id="import-mapping-title" className="text-lg font-semibold">{t("mappingTitle")}</h2>
      <p className="text-sm text-muted">{t("mappingIntro")}</p>
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-line text-start">
            <th scope="col" className="py-1 text-start">{t("columnHeader")}</th>
            <th scope="col" className="py-1 text-start">{t("fieldHeader")}</th>
            <th scope="col" className="py-1 text-start">{t("destinationHeader")}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((header, index) => (
            <tr key={`${index}-${header}`} className="border-b border-line">
              <td className="py-1 pe-3" dir="auto">{header}</td>
              <td className="py-1">
                <select
                  aria-label={header}
                  className="rounded border border-line bg-white px-2 py-1"
                  value={mapping[index] ?? ""}
                  onChange={(event) => onChange(mapping.map((key, position) => (position === index ? event.target.value : key)))}
                >
                  <option value="">{t("chooseField")}</option>
                  <option value={IGNORE_COLUMN}>{t("ignoreColumn")}</option>
                  {fields.map((field) => (
                    <option key={field.key} value={field.key}>
                      {locale === "ar" ? field.headerAr : field.headerEn} {field.required ? t("requiredMark") : ""}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-1 ps-3 text-muted" data-testid="import-column-destination">
                {mapping[index] === IGNORE_COLUMN ? t("destinations.ignored") : mapping[index] ? t(`destinations.${fieldDestination(mapping[index])}`) : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A field's name in the reader's language, for messages that list fields. */
export function fieldLabel(kind: ImportKind, key: string, locale: string): string {
  const field = IMPORT_FIELDS[kind].find((candidate) => candidate.key === key);
  if (!field) return key;
  return locale === "ar" ? field.headerAr : field.headerEn;
}
