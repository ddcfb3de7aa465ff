"use client";

import { useTranslations } from "next-intl";
import type { PreviewRecord } from "@/lib/import/preview";
import { isSourceValueField } from "@/lib/import/source-value-fields";

/** Register notes as "label: value", each field under its own name. */
function NotesList({ notes }: { notes: Record<string, string> }) {
  const t = useTranslations("Import.sourceValues");
  const entries = Object.entries(notes);
  if (entries.length === 0) return null;
  return (
    <ul className="text-xs">
      {entries.map(([field, value]) => (
        <li key={field} dir="auto">
          {isSourceValueField(field) ? t(field) : field}: {value}
        </li>
      ))}
    </ul>
  );
}

/** What a dry run will save: each record to be created or corrected, the people linked to it, its register notes. */
export function ImportPreview({ records, total }: { records: PreviewRecord[]; total: number }) {
  const t = useTranslations("Import.preview");
  if (records.length === 0) return null;
  const hasSheets = records.some((record) => record.sheet !== undefined);
  return (
    <section className="space-y-2" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h3 id="import-preview-title" className="font-semibold">{t("title")}</h3>
      <p className="text-sm text-muted">{t("intro")}</p>
      {total > records.length ? <p className="text-sm">{t("truncated", { shown: records.length, total })}</p> : null}
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1 text-start">{t("row")}</th>
            <th scope="col" className="py-1 text-start">{t("record")}</th>
            <th scope="col" className="py-1 text-start">{t("detail")}</th>
            <th scope="col" className="py-1 text-start">{t("people")}</th>
            <th scope="col" className="py-1 text-start">{t("notes")}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={`${record.sheet ?? ""}-${record.rowNumber}-${record.action}`} className="border-b border-line align-top">
              <td className="py-1 pe-3">{hasSheets ? `${record.sheet ?? ""} ${record.rowNumber}` : record.rowNumber}</td>
              <td className="py-1 pe-3" dir="auto">
                <span className="me-2 rounded border border-line px-1 text-xs">{t(record.action)}</span>
                {record.title}
              </td>
              <td className="py-1 pe-3" dir="auto">
                {record.kind === "person" ? <span className="block">{record.caseNumber ?? t("caseNumberAllocated")}</span> : null}
                {record.detail}
              </td>
              <td className="py-1 pe-3">
                <ul>
                  {record.people.map((person, index) => (
                    <li key={`${person.caseNumber ?? person.name}-${index}`} dir="auto">
                      {person.action === "create" ? t("createPerson", { name: person.name }) : t("linkPerson", { name: person.name, caseNumber: person.caseNumber ?? "" })}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-1">
                <NotesList notes={record.notes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
