import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import { fillTemplate } from "@/lib/i18n/fill-template";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { canonicalJson } from "./canonical";

/**
 * An audited change as a person reads it (issue 24, item 2): "الحالة: مسح ← حفر جارٍ", not
 * "status: \"surveyed\" → \"excavating\"". Field names become labels, stored codes become the words
 * the forms use, dates read as dates and ids are left for the page to name and link
 * (lib/audit/record-references.ts). No database code: unit-tested on its own.
 */
export type PresentedValue =
  | { kind: "none" }
  /** Words in the reader's language. */
  | { kind: "text"; text: string }
  /** Something written left to right whatever the page (a code, a number, unknown structure). */
  | { kind: "code"; text: string }
  /** A record or a person named by its id. */
  | { kind: "record"; id: string };

export interface PresentedChange {
  field: string;
  label: string;
  before: PresentedValue;
  after: PresentedValue;
}

type Catalogue = typeof arabic;
type Words = Readonly<Record<string, string>>;

/** Which catalogue words a field's codes are, per record type where one field name means two things. */
function wordsFor(messages: Catalogue, entity: string, field: string): Words | undefined {
  switch (field) {
    case "status":
      if (entity === "grave_site") return messages.SiteStatus;
      if (entity === "identification") return messages.Identifications.statuses;
      if (entity === "missing_person") return messages.People.statuses;
      return undefined;
    case "sex":
      return messages.People.sexes;
    case "estimatedSex":
      return messages.Forensic.sexes;
    case "category":
      return entity === "police_report" ? messages.People.categories : messages.Belongings.categories;
    case "condition":
      return messages.Forensic.conditions;
    case "kind":
      return entity === "dna_sample" ? messages.Dossier.sampleKinds : messages.Forensic.effectKinds;
    case "labStatus":
      return messages.People.labStatuses;
    case "consentScope":
      return messages.People.consentScopes;
    case "relationship":
      return messages.People.relationships;
    case "side":
      return messages.People.sides;
    case "basis":
      return messages.Identifications.bases;
    case "notificationMethod":
      return messages.Identifications.methods as Words;
    case "role":
      return messages.Staff.roles;
    case "action":
      return entity === "custody_event" ? messages.Custody.actions : undefined;
    case "build":
      return messages.AmPm.builds;
    case "eyeColour":
      return messages.AmPm.eyeColours;
    case "colour":
      return messages.Belongings.colours as Words;
    case "material":
      return messages.Belongings.materials;
    default:
      return undefined;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const SHOWN_LENGTH = 80;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function shortened(text: string): string {
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

/** One stored value as a reader sees it. */
export function presentAuditValue(entity: string, field: string, value: unknown, language: Locale): PresentedValue {
  const messages = language === "ar" ? arabic : english;
  if (value === undefined || value === null || value === "") return { kind: "none" };
  if (typeof value === "boolean") return { kind: "text", text: messages.Audit.values[value ? "yes" : "no"] };
  if (typeof value === "number") return { kind: "code", text: String(value) };
  if (Array.isArray(value)) {
    const [only] = value;
    if (value.length === 1 && typeof only === "string" && UUID.test(only)) return { kind: "record", id: only.toLowerCase() };
    // A list (effects, relationships, ids) is counted here; the full before and after stay beside it.
    return { kind: "text", text: fillTemplate(messages.Audit.values.items, { count: value.length }, language) };
  }
  if (typeof value === "string") {
    if (UUID.test(value)) return { kind: "record", id: value.toLowerCase() };
    const words = wordsFor(messages, entity, field);
    if (words && typeof words[value] === "string") return { kind: "text", text: words[value] };
    if (ISO_DAY.test(value)) return { kind: "text", text: formatDate(language, `${value}T12:00:00Z`) };
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return { kind: "text", text: formatDateTime(language, value) };
    // A short value without Arabic letters (a code, a number, a Latin name) is kept whole, left to right.
    return !/[\u0600-\u06FF]/.test(value) && value.length <= 40 ? { kind: "code", text: value } : { kind: "text", text: shortened(value) };
  }
  return { kind: "code", text: shortened(canonicalJson(value)) };
}

/** A field's label in the reader's language, or the field's own name for one not (yet) named. */
export function auditFieldLabel(field: string, language: Locale): string {
  const labels: Words = (language === "ar" ? arabic : english).Audit.fields;
  return labels[field] ?? field;
}

/**
 * The top-level fields that differ between an entry's before and after, labelled and presented.
 * Values that are not both objects (or absent) have no field-by-field view: null.
 */
export function presentFieldChanges(entity: string, before: unknown, after: unknown, language: Locale): PresentedChange[] | null {
  const previous = before ?? {};
  const next = after ?? {};
  if (!isRecord(previous) || !isRecord(next)) return null;
  const fields = [...new Set([...Object.keys(previous), ...Object.keys(next)])];
  return fields
    .filter((field) => canonicalJson(previous[field]) !== canonicalJson(next[field]))
    .map((field) => ({
      field,
      label: auditFieldLabel(field, language),
      before: presentAuditValue(entity, field, previous[field], language),
      after: presentAuditValue(entity, field, next[field], language),
    }));
}
