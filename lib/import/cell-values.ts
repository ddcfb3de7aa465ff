import { normaliseArabicName } from "@/lib/names/normalise-arabic";
import { todayInTarhuna } from "@/lib/people/dates";
import { rememberedByText } from "@/lib/remembered-by-text";

/** A cell's problem, as a key of the Import.rowErrors messages. */
export type CellProblem =
  | "required"
  | "tooLong"
  | "dateFormat"
  | "dateInFuture"
  | "invalidCategory"
  | "invalidSex"
  | "birthYearFormat"
  | "ageFormat"
  | "severalNames"
  | "formula";

export type CellResult<Value> = { ok: true; value: Value } | { ok: false; problem: CellProblem };

/** Formatting today's date costs more than checking a row: 100,000 rows share one answer a minute. */
let today = { value: "", computedAt: 0 };
function todayForImport(): string {
  const now = Date.now();
  if (now - today.computedAt > 60_000) today = { value: todayInTarhuna(new Date(now)), computedAt: now };
  return today.value;
}

const ok = <Value>(value: Value): CellResult<Value> => ({ ok: true, value });
const refuse = (problem: CellProblem): CellResult<never> => ({ ok: false, problem });

/**
 * A value starting with = + - or @ is what Excel and LibreOffice run as a formula when the data is
 * exported again ("CSV injection"): such a row is refused rather than silently altered.
 */
export function looksLikeFormula(text: string): boolean {
  const value = text.trim();
  // "+218 91 234 5678" is a phone number: digits and spacing after the plus run nothing.
  return /^[=+\-@]/.test(value) && !/^\+[\d\s\-()]+$/.test(value);
}

/** "-", "—", "/" or "..." in a register's cell mean "nothing known": an empty cell, not a value. */
export function isPlaceholder(text: string): boolean {
  return /^[-–—_./\\]+$/.test(text.trim());
}

export function textCell(text: string, options: { required: boolean; max: number }): CellResult<string> {
  const value = isPlaceholder(text) ? "" : text.trim();
  if (looksLikeFormula(value)) return refuse("formula");
  if (options.required && value === "") return refuse("required");
  if (value.length > options.max) return refuse("tooLong");
  return ok(value);
}

function validIsoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** YYYY-MM-DD, or the day-first DD/MM/YYYY of Libyan registers (also with - or .). */
export function dateCell(text: string, required: boolean): CellResult<string | null> {
  const trimmed = text.trim();
  // Western digits and separators are what normalising would leave them: most dates skip it.
  const value = /^[\d./-]*$/.test(trimmed) ? trimmed : normaliseArabicName(trimmed).replace(/\s/g, "");
  if (value === "") return required ? refuse("required") : ok(null);
  const isoMatch = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  const dayFirstMatch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  const iso = isoMatch
    ? validIsoDate(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]))
    : dayFirstMatch
      ? validIsoDate(Number(dayFirstMatch[3]), Number(dayFirstMatch[2]), Number(dayFirstMatch[1]))
      : null;
  if (iso === null || iso < "1900-01-01") return refuse("dateFormat");
  if (iso > todayForImport()) return refuse("dateInFuture");
  return ok(iso);
}

/** Each accepted spelling, normalised once, to the value it stands for. */
function spellingTable<Value extends string>(spellings: Record<Value, readonly string[]>): Map<string, Value> {
  const table = new Map<string, Value>();
  for (const [value, words] of Object.entries(spellings) as [Value, readonly string[]][]) {
    for (const word of words) table.set(normaliseArabicName(word), value);
  }
  return table;
}

const CATEGORY_SPELLINGS = {
  killing: ["killing", "killed", "murder", "قتل", "قتيل", "اغتيال"],
  disappearance: ["disappearance", "disappeared", "missing", "abduction", "اختفاء", "إخفاء", "إخفاء قسري", "مفقود", "اختطاف", "خطف"],
} as const;

const SEX_SPELLINGS = {
  male: ["male", "m", "man", "ذكر", "رجل"],
  female: ["female", "f", "woman", "أنثى", "انثى", "امرأة"],
  unknown: ["", "unknown", "?", "غير معروف", "غير محدد"],
} as const;

const CATEGORIES = spellingTable(CATEGORY_SPELLINGS);
const SEXES = spellingTable(SEX_SPELLINGS);

/**
 * A column of categories holds a handful of spellings a hundred thousand times: each spelling's
 * answer is remembered (up to a bound, so a column of nonsense cannot grow the table without end).
 */
const remembered = <Value>(answer: (text: string) => CellResult<Value>) => rememberedByText(answer, 1_000);

export const categoryCell = remembered((text): CellResult<"killing" | "disappearance"> => {
  if (text.trim() === "") return refuse("required");
  const value = CATEGORIES.get(normaliseArabicName(text));
  return value ? ok(value) : refuse("invalidCategory");
});

export const sexCell = remembered((text): CellResult<"male" | "female" | "unknown"> => {
  const value = SEXES.get(normaliseArabicName(text));
  return value ? ok(value) : refuse("invalidSex");
});

export function birthYearCell(text: string): CellResult<number | null> {
  const value = normaliseArabicName(text.trim());
  if (value === "") return ok(null);
  if (!/^(19|20)\d{2}$/.test(value)) return refuse("birthYearFormat");
  return ok(Number(value));
}
