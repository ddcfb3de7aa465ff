import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AuditFieldChanges } from "@/components/audit/audit-field-changes";
import { LtrText } from "@/components/layout/ltr-text";
import { auditActionNamer } from "@/lib/audit/action-name";
import type { RecordReference } from "@/lib/audit/record-references";
import type { RecordHistoryEntry } from "@/lib/forensic/record-history";
import { formatDateTime } from "@/lib/i18n/format";

interface RecordHistoryProps {
  entries: RecordHistoryEntry[];
  locale: Locale;
  /** The record type the entries are about (the audit entity: "grave_site", "remains", …). */
  entity: string;
  /** The records and people the entries name, as the reader's role may see them (lib/audit/record-references.ts). */
  references: ReadonlyMap<string, RecordReference>;
  /** Whether the reader may see each entry as stored, behind "technical details" (whoever may read the audit log). */
  storedEntry: boolean;
}

/** A record's own audit entries: creation, each edit and a voiding, kept even when the record is void. */
export async function RecordHistory({ entries, locale, entity, references, storedEntry }: RecordHistoryProps) {
  const [t, actionName] = await Promise.all([getTranslations("Forensic"), auditActionNamer()]);
  return (
    <section className="space-y-3" aria-labelledby="history-title" data-testid="record-history">
      <h2 id="history-title" className="text-lg font-semibold">
        {t("history")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-muted">{t("historyEmpty")}</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((entry) => (
            <li key={entry.id} className="rounded border border-line p-3 text-sm">
              <p className="font-medium">
                {actionName(entry.action) ?? <span className="font-mono"><LtrText>{entry.action}</LtrText></span>} · <bdi>{entry.actorLabel}</bdi> · {formatDateTime(locale, entry.occurredAt)}
              </p>
              <AuditFieldChanges entity={entity} before={entry.before} after={entry.after} locale={locale} references={references} storedEntry={storedEntry} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
