import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import { presentFieldChanges, type PresentedValue } from "@/lib/audit/field-presentation";
import type { RecordReference } from "@/lib/audit/record-references";
import { Link } from "@/lib/i18n/navigation";

interface AuditFieldChangesProps {
  entity: string;
  before: unknown;
  after: unknown;
  locale: Locale;
  /** The records and people the page could name, by id (lib/audit/record-references.ts). */
  references: ReadonlyMap<string, RecordReference>;
}

function jsonText(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2);
}

/** A record named by its code or name, linked to its page; an id the reader may not resolve stays an id. */
export function RecordName({ id, references }: { id: string; references: ReadonlyMap<string, RecordReference> }) {
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

function Value({ value, absent, references }: { value: PresentedValue; absent: string; references: ReadonlyMap<string, RecordReference> }) {
  switch (value.kind) {
    case "none":
      return <span className="text-muted">{absent}</span>;
    case "record":
      return <RecordName id={value.id} references={references} />;
    case "code":
      return <LtrText>{value.text}</LtrText>;
    default:
      return <bdi>{value.text}</bdi>;
  }
}

/** The fields a change touched, labelled and in words, and the whole before/after on request. */
export async function AuditFieldChanges({ entity, before, after, locale, references }: AuditFieldChangesProps) {
  const t = await getTranslations("Audit.table");
  if (before === null && after === null) return null;
  const changes = presentFieldChanges(entity, before, after, locale);
  return (
    <div className="space-y-1">
      {changes !== null &&
        (changes.length === 0 ? (
          <p className="text-muted">{t("noFieldChanges")}</p>
        ) : (
          <ul className="space-y-0.5 text-xs" data-testid="audit-field-changes">
            {changes.map((change) => (
              <li key={change.field} data-field={change.field}>
                <span className="font-semibold">{change.label}</span>
                {": "}
                <Value value={change.before} absent={t("absent")} references={references} />
                {locale === "ar" ? " ← " : " → "}
                <Value value={change.after} absent={t("absent")} references={references} />
              </li>
            ))}
          </ul>
        ))}
      <details>
        <summary className="cursor-pointer text-accent">{t("fullRecord")}</summary>
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          {(["before", "after"] as const).map((side) => (
            <div key={side}>
              <p className="font-medium">{t(side)}</p>
              <pre dir="ltr" className="max-h-64 overflow-auto rounded bg-paper p-2 text-start text-xs">
                {jsonText(side === "before" ? before : after)}
              </pre>
            </div>
          ))}
        </div>
      </details>
    </div>
  );
}
