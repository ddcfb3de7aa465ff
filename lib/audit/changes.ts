import { canonicalJson } from "./canonical";

/** One field that an audited change touched; undefined where the field was absent on that side. */
export interface AuditFieldChange {
  field: string;
  before: string | undefined;
  after: string | undefined;
}

const SHOWN_VALUE_LENGTH = 60;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shortJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const json = canonicalJson(value);
  return json.length > SHOWN_VALUE_LENGTH ? `${json.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : json;
}

/**
 * The top-level fields that differ between an entry's before and after, for a one-glance summary;
 * the full JSON stays available beside it. Values that are not both objects (or absent) have no
 * field-by-field summary: null.
 */
export function auditFieldChanges(before: unknown, after: unknown): AuditFieldChange[] | null {
  const previous = before ?? {};
  const next = after ?? {};
  if (!isRecord(previous) || !isRecord(next)) return null;
  const fields = [...new Set([...Object.keys(previous), ...Object.keys(next)])].sort();
  return fields
    .filter((field) => canonicalJson(previous[field]) !== canonicalJson(next[field]))
    .map((field) => ({ field, before: shortJson(previous[field]), after: shortJson(next[field]) }));
}
