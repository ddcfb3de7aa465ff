import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { presentedChangeText } from "./change-text";
import { presentFieldChanges } from "./field-presentation";
import { isAuditEntity } from "./filters";

/**
 * The audit log as a spreadsheet a person reads (issue 24, item 2): the same words as the viewer
 * (actions, record types, field labels and values, records by their codes), the codes beside them
 * for whoever checks the chain. No database code: the rows are built from entries already read.
 */

/** One entry as read for the export (lib/audit/queries.ts). */
export interface ExportedAuditEntry {
  id: number;
  occurredAt: Date;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export const AUDIT_EXPORT_HEADERS: Record<Locale, string[]> = {
  ar: ["رقم القيد", "الوقت", "المستخدم", "الإجراء", "رمز الإجراء", "نوع السجل", "السجل", "معرّف السجل", "التغييرات", "العنوان"],
  en: ["Entry", "Time", "User", "Action", "Action code", "Record type", "Record", "Record ID", "Changes", "Address"],
};

function lookup(node: unknown, path: string): string | null {
  let current = node;
  for (const key of path.split(".")) current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  return typeof current === "string" ? current : null;
}

/** "missingPerson.create" → "تسجيل مفقود"; a read names its record type; an unknown code stays as written. */
export function auditActionText(action: string, language: Locale): string {
  const messages = language === "ar" ? arabic : english;
  if (action.endsWith(".read")) {
    const entity = action.slice(0, -".read".length);
    if (isAuditEntity(entity)) return messages.Audit.table.readOf.replace("{entity}", messages.Audit.entities[entity]);
  }
  return lookup(messages.Audit.actions, action) ?? action;
}

/**
 * One spreadsheet row per entry. `labels` names the ids the reader may see resolved (a case number,
 * a code, a colleague's name); the others stay ids.
 */
export function auditExportRow(entry: ExportedAuditEntry, language: Locale, labels: ReadonlyMap<string, string>): (string | number | null)[] {
  const messages = language === "ar" ? arabic : english;
  const changes = presentFieldChanges(entry.entity, entry.before, entry.after, language);
  const changeText = changes === null ? "" : changes.map((change) => presentedChangeText(change, labels, language)).join("\n");
  const entityId = entry.entityId === null ? null : entry.entityId.toLowerCase();
  return [
    entry.id,
    formatDateTime(language, entry.occurredAt),
    entry.actorLabel,
    auditActionText(entry.action, language),
    entry.action,
    isAuditEntity(entry.entity) ? messages.Audit.entities[entry.entity] : entry.entity,
    entityId === null ? null : (labels.get(entityId) ?? entry.entityId),
    entry.entityId,
    changeText,
    entry.ip,
  ];
}
