import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { isAuditEntity } from "@/lib/audit/filters";
import type { AuditEntryView } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { AuditFieldChanges, RecordName } from "./audit-field-changes";
import { auditActionNamer } from "@/lib/audit/action-name";
import type { RecordReference } from "@/lib/audit/record-references";
import { LtrText, withIsolatedValues } from "@/components/layout/ltr-text";
import { ScrollTable } from "@/components/layout/scroll-table";

const cell = "border-b border-line px-3 py-2 text-start align-top";
// Usernames, action and record names are Latin identifiers: <bdi> keeps them whole inside Arabic text.

/** storedEntry: the page's reader may read the audit log, so may see each entry as stored too. */
export async function AuditTable({ entries, locale, references, storedEntry }: { entries: AuditEntryView[]; locale: Locale; references: ReadonlyMap<string, RecordReference>; storedEntry: boolean }) {
  const [t, entities, actionName] = await Promise.all([getTranslations("Audit.table"), getTranslations("Audit.entities"), auditActionNamer()]);
  return (
    <ScrollTable label={t("caption")}>
      <table className="w-full border-collapse bg-white text-sm" data-testid="audit-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-accent-soft">
          <tr>
            <th scope="col" className={cell}>{t("time")}</th>
            <th scope="col" className={cell}>{t("actor")}</th>
            <th scope="col" className={cell}>{t("action")}</th>
            <th scope="col" className={cell}>{t("entity")}</th>
            <th scope="col" className={cell}>{t("entityId")}</th>
            <th scope="col" className={cell}>{t("changes")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-entry-id={entry.id}>
              <td className={`${cell} whitespace-nowrap`}>
                <time dateTime={entry.occurredAt.toISOString()}>{formatDateTime(locale, entry.occurredAt)}</time>
              </td>
              <td className={cell}>
                {/* A username, "family TRH-F-0018" or "command line": Latin identifiers, kept whole (a code
                    must never break at its dashes, tests/e2e/right-to-left-values.test.ts). */}
                <LtrText>{entry.actorLabel}</LtrText>
                {entry.actorUsername !== null && entry.actorUsername !== entry.actorLabel && (
                  <span className="block text-xs text-muted">{withIsolatedValues((values) => t("actorNow", values), { username: entry.actorUsername })}</span>
                )}
                {entry.ip !== null && <span className="block text-xs text-muted">{withIsolatedValues((values) => t("ip", values), { ip: entry.ip })}</span>}
              </td>
              <td className={cell}>
                {actionName(entry.action)}
                <span className="block font-mono text-xs text-muted"><LtrText>{entry.action}</LtrText></span>
              </td>
              <td className={cell}>{isAuditEntity(entry.entity) ? entities(entry.entity) : <bdi>{entry.entity}</bdi>}</td>
              <td className={cell}>{entry.entityId === null ? null : <RecordName id={entry.entityId} references={references} />}</td>
              <td className={`${cell} wraps`}>
                <AuditFieldChanges entity={entry.entity} before={entry.before} after={entry.after} locale={locale} references={references} storedEntry={storedEntry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
