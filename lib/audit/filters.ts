import { z } from "zod";
import { parseDayMonthYear } from "@/lib/forms/day-month-year";
import { single as first } from "@/lib/lists/address-parameter";

/** What the audit viewer can narrow the log by; every filter is optional and they combine with AND. */
export interface AuditFilters {
  /** A username: matched against the label written at the time and the user's current username. */
  actor?: string;
  entity?: string;
  entityId?: string;
  /** Calendar days (YYYY-MM-DD) in Libyan time, both included. */
  from?: string;
  to?: string;
  /** Reads of personal data, or changes to the registry; both when absent. */
  kind?: AuditEntryKind;
}

export const AUDIT_ENTRY_KINDS = ["read", "change"] as const;

/** The record types audit entries are written for, offered as a list (tests/unit/audit-entities.test.ts). */
export const AUDIT_ENTITIES = [
  "missing_person",
  "family",
  "reference_donor",
  "dna_sample",
  "sample_receipt",
  "police_report",
  "grave_site",
  "remains",
  "custody_event",
  "antemortem_record",
  "postmortem_record",
  "effect_photo",
  "field_device",
  "viewing_session",
  "belonging_recognition",
  "identification",
  "online_report",
  "data_consent",
  "str_profiles",
  "kinship_leads",
  "allele_frequency_tables",
  "sampling_refresh_run",
  "dossier",
  "import",
  "spreadsheet_import",
  "approval_request",
  "export",
  "user",
  "system_setting",
  "system",
  "action",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export function isAuditEntity(value: string): value is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(value);
}
export type AuditEntryKind = (typeof AUDIT_ENTRY_KINDS)[number];

/** Where a page starts: just older or just newer than a known entry; null for the newest page. */
export type AuditCursor = { direction: "older" | "newer"; id: number } | null;

export type SearchParams = Record<string, string | string[] | undefined>;

const text = z.string().trim().min(1).max(200);
/**
 * A day typed as the page writes it (21/03/2024) or as links carry it (2024-03-21). PostgreSQL has
 * no year 0: such a filter would fail the query instead of being ignored.
 */
const day = z
  .string()
  .transform((value) => parseDayMonthYear(value) ?? "")
  .pipe(z.iso.date().refine((value) => value >= "0001-01-01"));
const entryId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A malformed value in the URL is dropped, not an error: the viewer then shows the wider result. */
function parsed<Value>(schema: z.ZodType<Value>, value: string | string[] | undefined): Value | undefined {
  const result = schema.safeParse(first(value));
  return result.success ? result.data : undefined;
}

export function parseAuditFilters(params: SearchParams): AuditFilters {
  return {
    actor: parsed(text, params.actor),
    entity: parsed(text, params.entity),
    entityId: parsed(text, params.entityId),
    from: parsed(day, params.from),
    to: parsed(day, params.to),
    kind: parsed(z.enum(AUDIT_ENTRY_KINDS), params.kind),
  };
}

export function parseAuditCursor(params: SearchParams): AuditCursor {
  const older = parsed(entryId, params.older);
  if (older !== undefined) return { direction: "older", id: older };
  const newer = parsed(entryId, params.newer);
  return newer === undefined ? null : { direction: "newer", id: newer };
}

/** The URL query that reproduces the filters and the cursor, for links that keep them. */
export function auditQuery(filters: AuditFilters, cursor: AuditCursor = null): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === "string") query[name] = value;
  }
  if (cursor) query[cursor.direction] = String(cursor.id);
  return query;
}
