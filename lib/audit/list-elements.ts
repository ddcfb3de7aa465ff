/**
 * How the lists inside audit entries are read (issue 24, item 2): which record type an element is,
 * what names an element so that the same one is recognised before and after an edit, and which
 * objects carry data as their keys rather than field names. No database code, safe anywhere.
 */

/** The record type of a list's elements, where the list holds rows of another table. */
const ELEMENT_RECORD_TYPES: Readonly<Record<string, string>> = {
  effects: "personal_effect",
  personalEffects: "personal_effect",
  relationships: "donor_relationship",
  survivor: "missing_person",
  merged: "missing_person",
  consents: "data_consent",
  items: "identification",
};

export function elementRecordType(field: string): string | undefined {
  return ELEMENT_RECORD_TYPES[field];
}

/** The keys that name an element across an edit, most specific first: a row's id, then the record it is about. */
const IDENTITY_KEYS = ["id", "effectId", "missingPersonId", "entityId", "header", "address"] as const;

/** What names a list element across an edit, or null for one known only by its whole content. */
export function elementIdentity(element: unknown): string | null {
  if (typeof element !== "object" || element === null || Array.isArray(element)) return typeof element === "string" || typeof element === "number" ? `=${element}` : null;
  const record = element as Record<string, unknown>;
  for (const key of IDENTITY_KEYS) {
    const value = record[key];
    if (typeof value === "string" || typeof value === "number") return `${key}=${value}`;
  }
  return null;
}
