import { normaliseArabicName } from "@/lib/names/normalise-arabic";
import { IGNORE_COLUMN, IGNORED_HEADERS, IMPORT_FIELDS, type ImportKind } from "./fields";

/** Column index → field key, or IGNORE_COLUMN, or "" while the user has not decided. */
export type ColumnMapping = string[];

/** Case, spacing, punctuation and Arabic spelling variants (hamza, taa marbuta) do not matter. */
export function normaliseHeader(header: string): string {
  const lowered = header.replace(/^\uFEFF/, "").toLowerCase().replace(/['’`_.:()\-]/g, " ");
  return normaliseArabicName(lowered).replace(/\s+/g, " ").trim();
}

function headerVariants(kind: ImportKind): Map<string, string> {
  const variants = new Map<string, string>();
  for (const field of IMPORT_FIELDS[kind]) {
    for (const name of [field.headerAr, field.headerEn, field.key, ...field.aliases]) {
      const normalised = normaliseHeader(name);
      if (!variants.has(normalised)) variants.set(normalised, field.key);
    }
  }
  return variants;
}

/** A template header reads "رقم البلاغ / Report number": either half names the field. */
function candidates(header: string): string[] {
  return [header, ...header.split(/[/|]/)].map(normaliseHeader).filter((part) => part !== "");
}

/** Recognises each header in Arabic or English; a field is given to its first matching column only. */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const variants = headerVariants(kind);
  const ignored = new Set(IGNORED_HEADERS[kind].map(normaliseHeader));
  const taken = new Set<string>();
  return headers.map((header) => {
    if (header.trim() === "" || candidates(header).some((candidate) => ignored.has(candidate))) return IGNORE_COLUMN;
    const key = candidates(header)
      .map((candidate) => variants.get(candidate))
      .find((found) => found !== undefined && !taken.has(found));
    if (!key) return "";
    taken.add(key);
    return key;
  });
}

export type MappingProblem =
  | { problem: "unmappedColumns"; columns: string[] }
  | { problem: "missingRequired"; fields: string[] }
  | { problem: "mappedTwice"; fields: string[] }
  | { problem: "wrongColumnCount" }
  | { problem: "sheetHeadersDiffer"; sheet: string; columns: string[] }
  | { problem: "noSheetChosen" };

/** A mapping is usable when every column is decided and every required field has one column. */
export function checkMapping(kind: ImportKind, headers: readonly string[], mapping: ColumnMapping): MappingProblem | null {
  if (mapping.length !== headers.length) return { problem: "wrongColumnCount" };
  const known = new Set(IMPORT_FIELDS[kind].map((field) => field.key));
  const unmapped = headers.filter((_, index) => {
    const key = mapping[index] ?? "";
    return key !== IGNORE_COLUMN && !known.has(key);
  });
  if (unmapped.length > 0) return { problem: "unmappedColumns", columns: unmapped };
  const used = mapping.filter((key) => key !== IGNORE_COLUMN);
  const twice = [...new Set(used.filter((key, index) => used.indexOf(key) !== index))];
  if (twice.length > 0) return { problem: "mappedTwice", fields: twice };
  const missing = IMPORT_FIELDS[kind].filter((field) => field.required && !used.includes(field.key)).map((field) => field.key);
  // A person is named by a given-name column or a full-name column: one of the two is required.
  if (kind === "missingPersons" && !used.includes("givenName") && !used.includes("fullName")) missing.unshift("givenName");
  if (missing.length > 0) return { problem: "missingRequired", fields: missing };
  return null;
}
