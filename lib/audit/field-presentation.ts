import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import { fillTemplate } from "@/lib/i18n/fill-template";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { canonicalJson } from "./canonical";
import { elementIdentity, elementRecordType } from "./list-elements";

/**
 * An audited change as a person reads it (issue 24, item 2): "الحالة: مسح ← حفر جارٍ", not
 * "status: \"surveyed\" → \"excavating\"". Field names become labels, stored codes become the words
 * the forms use, dates read as dates, lists name each element added, removed or changed, and ids are
 * left for the page to name and link (lib/audit/record-references.ts). No database code: unit-tested
 * on its own.
 */
export type PresentedValue =
  | { kind: "none" }
  /** Words in the reader's language. */
  | { kind: "text"; text: string }
  /** Something written left to right whatever the page (a code, a number, a hash). */
  | { kind: "code"; text: string }
  /** A record or a person named by its id. */
  | { kind: "record"; id: string }
  /** A list, each element in words: an effect "مفتاح سيارة (معدن)", a relationship "الأم · TRH-MP-00012". */
  | { kind: "list"; items: PresentedValue[] }
  /** One element written in parts, one after another: a relationship's words and the person it is to. */
  | { kind: "parts"; parts: PresentedValue[] }
  /** A nested object (a filter, a checkpoint): each of its fields labelled. */
  | { kind: "fields"; fields: PresentedField[] };

export interface PresentedField {
  field: string;
  label: string;
  value: PresentedValue;
}

/** What became of one element of a list between before and after. */
export type PresentedElementChange =
  | { change: "added" | "removed"; element: PresentedValue }
  | { change: "changed"; element: PresentedValue; fields: PresentedChange[] };

export interface PresentedChange {
  field: string;
  label: string;
  before: PresentedValue;
  after: PresentedValue;
  /** For a list: each element added, removed or changed, named (absent for a value that is no list). */
  elements?: PresentedElementChange[];
}

/** One row of the details table: a field of the entry, before and after, and whether it changed. */
export interface PresentedDetail {
  field: string;
  label: string;
  before: PresentedValue;
  after: PresentedValue;
  changed: boolean;
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
      if (entity === "approval_request") return messages.Approvals.status;
      if (entity === "online_report") return messages.OnlineReport.staff.statuses;
      if (entity === "field_device") return messages.Field.states;
      if (entity === "allele_frequency_tables") return messages.Audit.values.tableStatuses;
      return undefined;
    case "personStatus":
      return messages.People.statuses;
    case "sex":
      return messages.People.sexes;
    case "estimatedSex":
      return messages.Forensic.sexes;
    case "category":
      return entity === "police_report" ? messages.People.categories : messages.Belongings.categories;
    case "condition":
      return messages.Forensic.conditions;
    case "kind":
      if (entity === "dna_sample") return messages.Dossier.sampleKinds;
      if (entity === "identification") return { ...messages.Aftercare.kinds, ...messages.Aftercare.followUpKinds };
      if (entity === "online_report") return messages.OnlineReport.staff.kinds;
      if (entity === "import" || entity === "spreadsheet_import") return messages.Import.kinds;
      if (entity === "audit_filters") return messages.Audit.filters.kinds;
      return messages.Forensic.effectKinds;
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
    case "disposition":
      return messages.Aftercare.dispositions;
    case "level":
    case "consents":
      return messages.OnlineReport.staff.consentLevels;
    case "mode":
      return messages.OnlineReport.staff.modes;
    case "source":
      return { ...messages.OnlineReport.staff.sources, ...messages.Belongings.leads.source };
    case "subject":
      return messages.Dossier.subjects;
    case "entity":
      return messages.Audit.entities;
    case "document":
      return messages.Audit.documents;
    case "answer":
      return entity === "online_report" ? messages.Audit.values.reportStatusAnswers : undefined;
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

function catalogue(language: Locale): Catalogue {
  return language === "ar" ? arabic : english;
}

/** A field's label in the reader's language, or the field's own name for one not (yet) named. */
export function auditFieldLabel(field: string, language: Locale): string {
  const labels: Words = catalogue(language).Audit.fields;
  return labels[field] ?? field;
}

/** "3 عناصر", with the language's plural forms. */
export function countText(template: string, count: number, language: Locale): string {
  return fillTemplate(template, { count }, language);
}

function textOf(value: PresentedValue): string | null {
  return value.kind === "text" || value.kind === "code" ? value.text : null;
}

/**
 * One element of a list as a person names it. An effect: its description (or kind) with its
 * material and colour, "مفتاح سيارة (معدن، أسود)"; a relationship: the words and the person,
 * "الأم (جهة الأب) · TRH-MP-00012"; anything else: its fields, labelled.
 */
function presentElement(entity: string, field: string, element: unknown, language: Locale): PresentedValue {
  if (!isRecord(element)) return presentAuditValue(entity, field, element, language);
  const recordType = elementRecordType(field) ?? entity;
  const word = (key: string) => textOf(presentAuditValue(recordType, key, element[key], language));
  if (field === "effects" || field === "personalEffects") {
    const main = (typeof element.description === "string" && element.description.trim()) || word("kind") || word("category") || "";
    // A material or colour recorded as unknown says nothing about which effect this is.
    const qualifiers = ["material", "colour"]
      .filter((key) => element[key] !== "unknown")
      .map(word)
      .filter((text): text is string => text !== null);
    const separator = language === "ar" ? "، " : ", ";
    return { kind: "text", text: qualifiers.length > 0 ? `${main} (${qualifiers.join(separator)})` : main };
  }
  if (field === "relationships") {
    const side = word("side");
    const relationship = word("relationship") ?? "";
    const parts: PresentedValue[] = [{ kind: "text", text: side ? `${relationship} (${side})` : relationship }];
    if (typeof element.missingPersonId === "string") parts.push(presentAuditValue(recordType, "missingPersonId", element.missingPersonId, language));
    return { kind: "parts", parts };
  }
  return presentObject(recordType, element, language);
}

function presentObject(entity: string, value: Record<string, unknown>, language: Locale): PresentedValue {
  return {
    kind: "fields",
    fields: Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .map(([field, inner]) => ({ field, label: auditFieldLabel(field, language), value: presentAuditValue(entity, field, inner, language) })),
  };
}

/** One stored value as a reader sees it. */
export function presentAuditValue(entity: string, field: string, value: unknown, language: Locale): PresentedValue {
  const messages = catalogue(language);
  if (value === undefined || value === null || value === "") return { kind: "none" };
  if (typeof value === "boolean") return { kind: "text", text: messages.Audit.values[value ? "yes" : "no"] };
  if (typeof value === "number") return { kind: "code", text: String(value) };
  if (Array.isArray(value)) {
    const [only] = value;
    if (value.length === 1 && typeof only === "string" && UUID.test(only)) return { kind: "record", id: only.toLowerCase() };
    if (value.length === 0) return { kind: "text", text: countText(messages.Audit.values.items, 0, language) };
    return { kind: "list", items: value.map((element) => presentElement(entity, field, element, language)) };
  }
  if (isRecord(value)) return presentObject(elementRecordType(field) ?? entity, value, language);
  if (typeof value === "string") {
    if (UUID.test(value)) return { kind: "record", id: value.toLowerCase() };
    const words = wordsFor(messages, entity, field);
    if (words && typeof words[value] === "string") return { kind: "text", text: words[value] };
    // An action's name: a request's, or the record a field device sent ("remains.create").
    if ((field === "action" && entity !== "custody_event") || (field === "kind" && entity === "field_device")) {
      const actionWords = actionText(value, language);
      if (actionWords !== null) return { kind: "text", text: actionWords };
    }
    // A refusal's message, kept as its catalogue key ("Actions.invalid"): the message itself.
    if (field === "message" && /^[A-Z]\w*\.\w/.test(value)) {
      const message = lookup(messages, value);
      if (message !== null) return { kind: "text", text: message };
    }
    if (ISO_DAY.test(value)) return { kind: "text", text: formatDate(language, `${value}T12:00:00Z`) };
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return { kind: "text", text: formatDateTime(language, value) };
    // A short value without Arabic letters (a code, a number, a Latin name) is kept whole, left to right.
    return !/[\u0600-\u06FF]/.test(value) && value.length <= 40 ? { kind: "code", text: value } : { kind: "text", text: shortened(value) };
  }
  return { kind: "code", text: shortened(canonicalJson(value)) };
}

function lookup(node: unknown, path: string): string | null {
  let current = node;
  for (const key of path.split(".")) current = isRecord(current) ? current[key] : undefined;
  return typeof current === "string" ? current : null;
}

/** An action name in words: an audit action ("missingPerson.create") or a server action asking for a second person ("persons.void"). */
function actionText(action: string, language: Locale): string | null {
  const messages = catalogue(language);
  return lookup(messages.Audit.actions, action) ?? lookup(messages.Approvals.actions, action);
}

/** Each element of a list before and after, matched by what names it (its id, the person it is about), else by its whole content. */
function elementChanges(entity: string, field: string, before: unknown[], after: unknown[], language: Locale): PresentedElementChange[] {
  const keyed = (list: unknown[]) => new Map(list.map((element, index) => [elementIdentity(element) ?? `#${canonicalJson(element)}#${index}`, element]));
  const previous = keyed(before);
  const next = keyed(after);
  const recordType = elementRecordType(field) ?? entity;
  const changes: PresentedElementChange[] = [];
  for (const [key, element] of previous) {
    const now = next.get(key);
    if (now === undefined && !after.some((other) => canonicalJson(other) === canonicalJson(element))) {
      changes.push({ change: "removed", element: presentElement(entity, field, element, language) });
    } else if (now !== undefined && canonicalJson(now) !== canonicalJson(element)) {
      const fields = isRecord(element) && isRecord(now) ? (presentFieldChanges(recordType, element, now, language) ?? []) : [];
      changes.push({ change: "changed", element: presentElement(entity, field, now, language), fields });
    }
  }
  for (const [key, element] of next) {
    if (!previous.has(key) && !before.some((other) => canonicalJson(other) === canonicalJson(element))) {
      changes.push({ change: "added", element: presentElement(entity, field, element, language) });
    }
  }
  return changes;
}

/** An entry's before and after as objects (an absent side is empty), with every field either has; null when a side is a whole value. */
function fieldsOfBothSides(before: unknown, after: unknown): { previous: Record<string, unknown>; next: Record<string, unknown>; fields: string[] } | null {
  const previous = before ?? {};
  const next = after ?? {};
  if (!isRecord(previous) || !isRecord(next)) return null;
  return { previous, next, fields: [...new Set([...Object.keys(previous), ...Object.keys(next)])] };
}

/**
 * The top-level fields that differ between an entry's before and after, labelled and presented; a
 * list names each element added, removed or changed. Values that are not both objects (or absent)
 * have no field-by-field view: null.
 */
export function presentFieldChanges(entity: string, before: unknown, after: unknown, language: Locale): PresentedChange[] | null {
  const sides = fieldsOfBothSides(before, after);
  if (!sides) return null;
  const { previous, next, fields } = sides;
  return fields
    .filter((field) => canonicalJson(previous[field]) !== canonicalJson(next[field]))
    .map((field) => {
      const change: PresentedChange = {
        field,
        label: auditFieldLabel(field, language),
        before: presentAuditValue(entity, field, previous[field], language),
        after: presentAuditValue(entity, field, next[field], language),
      };
      const was = previous[field] ?? [];
      const is = next[field] ?? [];
      if (Array.isArray(was) && Array.isArray(is) && (was.length > 0 || is.length > 0)) change.elements = elementChanges(entity, field, was, is, language);
      return change;
    });
}

/**
 * Every field of the entry, before and after, in words: the details table that replaces the raw
 * JSON. Null where a side is not an object (a value the entry keeps whole).
 */
export function presentEntryDetails(entity: string, before: unknown, after: unknown, language: Locale): PresentedDetail[] | null {
  const sides = fieldsOfBothSides(before, after);
  if (!sides) return null;
  const { previous, next, fields } = sides;
  return fields.map((field) => ({
    field,
    label: auditFieldLabel(field, language),
    before: presentAuditValue(entity, field, previous[field], language),
    after: presentAuditValue(entity, field, next[field], language),
    changed: canonicalJson(previous[field]) !== canonicalJson(next[field]),
  }));
}
