import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import { presentEntryDetails, presentFieldChanges, type PresentedChange, type PresentedElementChange, type PresentedValue } from "@/lib/audit/field-presentation";
import type { RecordReference } from "@/lib/audit/record-references";
import { Link } from "@/lib/i18n/navigation";

interface AuditFieldChangesProps {
  entity: string;
  before: unknown;
  after: unknown;
  locale: Locale;
  /** The records and people the page could name, by id (lib/audit/record-references.ts). */
  references: ReadonlyMap<string, RecordReference>;
  /** Show the entry as stored, behind "technical details": only to whoever may read the audit log (admins). */
  storedEntry: boolean;
}

type References = ReadonlyMap<string, RecordReference>;

/** A record named by its code or name, linked to its page; an id the reader may not resolve stays an id. */
export function RecordName({ id, references }: { id: string; references: References }) {
  const reference = references.get(id.toLowerCase());
  if (!reference) return <span className="break-all font-mono text-xs"><LtrText>{id}</LtrText></span>;
  // The code isolated left to right and kept on one line, the name in its own script beside it.
  const label = (
    <>
      {reference.code && <LtrText>{reference.code}</LtrText>}
      {reference.code && reference.name && " · "}
      {reference.name && <bdi>{reference.name}</bdi>}
    </>
  );
  return reference.href ? (
    <Link href={reference.href} className="text-accent underline" data-record-link>
      {label}
    </Link>
  ) : (
    label
  );
}

function Value({ value, absent, references }: { value: PresentedValue; absent: string; references: References }) {
  switch (value.kind) {
    case "none":
      return <span className="text-muted">{absent}</span>;
    case "record":
      return <RecordName id={value.id} references={references} />;
    case "code":
      return <LtrText>{value.text}</LtrText>;
    case "list":
      return (
        <ul className="list-inside list-disc">
          {value.items.map((item, index) => (
            <li key={index}>
              <Value value={item} absent={absent} references={references} />
            </li>
          ))}
        </ul>
      );
    case "parts":
      return (
        <>
          {value.parts.map((part, index) => (
            <span key={index}>
              {index > 0 && " · "}
              <Value value={part} absent={absent} references={references} />
            </span>
          ))}
        </>
      );
    case "fields":
      return (
        <span className="block">
          {value.fields.map((field) => (
            <span key={field.field} className="block">
              {field.label}: <Value value={field.value} absent={absent} references={references} />
            </span>
          ))}
        </span>
      );
    default:
      return <bdi>{value.text}</bdi>;
  }
}

type Words = Awaited<ReturnType<typeof getTranslations<"Audit.table">>>;

/** "أُضيف عنصر واحد، أُزيل عنصران": how many elements of a list each kind of change touched. */
function elementCounts(elements: readonly PresentedElementChange[], t: Words, separator: string): string {
  const messages = { added: "addedCount", removed: "removedCount", changed: "changedCount" } as const;
  return (["added", "removed", "changed"] as const)
    .map((change) => [change, elements.filter((element) => element.change === change).length] as const)
    .filter(([, count]) => count > 0)
    .map(([change, count]) => t(messages[change], { count }))
    .join(separator);
}

function ChangeLine({ change, t, arrow, references }: { change: PresentedChange; t: Words; arrow: string; references: References }) {
  const absent = t("absent");
  if (change.elements && change.elements.length > 0) {
    return (
      <li data-field={change.field}>
        <span className="font-semibold">{change.label}</span>
        {": "}
        {elementCounts(change.elements, t, arrow === " ← " ? "، " : ", ")}
        <ul className="ms-4 list-disc" data-testid="audit-list-changes">
          {change.elements.map((element, index) => (
            <li key={index} data-element-change={element.change}>
              {t(element.change === "changed" ? "changedElement" : element.change)}
              {": "}
              <Value value={element.element} absent={absent} references={references} />
              {element.change === "changed" && element.fields.length > 0 && (
                <ul className="ms-4">
                  {element.fields.map((inner) => (
                    <ChangeLine key={inner.field} change={inner} t={t} arrow={arrow} references={references} />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </li>
    );
  }
  return (
    <li data-field={change.field}>
      <span className="font-semibold">{change.label}</span>
      {": "}
      <Value value={change.before} absent={absent} references={references} />
      {arrow}
      <Value value={change.after} absent={absent} references={references} />
    </li>
  );
}

const detailCell = "border-b border-line px-2 py-1 text-start align-top";

/**
 * The fields a change touched, labelled and in words; on request every field of the entry before
 * and after, as a table in words. The stored JSON itself only for an administrator, one level
 * further down: it is what the entry's hash is computed from, so whoever checks the chain by hand
 * (or compares an entry with a case file's copy) needs the exact text, but nobody else reads it.
 */
export async function AuditFieldChanges({ entity, before, after, locale, references, storedEntry }: AuditFieldChangesProps) {
  const t = await getTranslations("Audit.table");
  if (before === null && after === null) return null;
  const changes = presentFieldChanges(entity, before, after, locale);
  const details = presentEntryDetails(entity, before, after, locale);
  const arrow = locale === "ar" ? " ← " : " → ";
  const absent = t("absent");
  return (
    <div className="space-y-1">
      {changes !== null &&
        (changes.length === 0 ? (
          <p className="text-muted">{t("noFieldChanges")}</p>
        ) : (
          <ul className="space-y-0.5 text-xs" data-testid="audit-field-changes">
            {changes.map((change) => (
              <ChangeLine key={change.field} change={change} t={t} arrow={arrow} references={references} />
            ))}
          </ul>
        ))}
      {(details !== null || storedEntry) && (
        <details data-testid="audit-entry-details">
          <summary className="cursor-pointer text-accent">{t("fullRecord")}</summary>
          {details !== null && (
            <table className="mt-2 w-full border-collapse text-xs" data-testid="audit-details-table">
              <caption className="sr-only">{t("detailsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col" className={detailCell}>{t("field")}</th>
                  <th scope="col" className={detailCell}>{t("before")}</th>
                  <th scope="col" className={detailCell}>{t("after")}</th>
                </tr>
              </thead>
              <tbody>
                {details.map((row) => (
                  <tr key={row.field} data-field={row.field} data-changed={row.changed || undefined} className={row.changed ? "bg-accent-soft" : undefined}>
                    <th scope="row" className={`${detailCell} font-medium`}>
                      {row.label}
                      {row.changed && <span className="block font-normal text-muted">({t("changedField")})</span>}
                    </th>
                    <td className={detailCell}>
                      <Value value={row.before} absent={absent} references={references} />
                    </td>
                    <td className={detailCell}>
                      <Value value={row.after} absent={absent} references={references} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {storedEntry && (
            <details className="mt-2" data-testid="audit-technical-details">
              <summary className="cursor-pointer text-accent">{t("technical")}</summary>
              <p className="mt-1 text-muted">{t("technicalNote")}</p>
              <div className="mt-2 grid gap-2 md:grid-cols-2">
                {(["before", "after"] as const).map((side) => (
                  <div key={side}>
                    <p className="font-medium">{t(side)}</p>
                    <pre dir="ltr" className="max-h-64 overflow-auto rounded bg-paper p-2 text-start text-xs">
                      {JSON.stringify((side === "before" ? before : after) ?? null, null, 2)}
                    </pre>
                  </div>
                ))}
              </div>
            </details>
          )}
        </details>
      )}
    </div>
  );
}
