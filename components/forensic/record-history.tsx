import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AuditFieldChanges } from "@/components/audit/audit-field-changes";
import type { RecordHistoryEntry } from "@/lib/forensic/record-history";
import { formatDateTime } from "@/lib/i18n/format";

/** A record's own audit entries: creation, each edit and a voiding, kept even when the record is void. */
export async function RecordHistory({ entries, locale }: { entries: RecordHistoryEntry[]; locale: Locale }) {
  const t = await getTranslations("Forensic");
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
                <span dir="ltr" className="font-mono">{entry.action}</span> · {entry.actorLabel} · {formatDateTime(locale, entry.occurredAt)}
              </p>
              <AuditFieldChanges before={entry.before} after={entry.after} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
