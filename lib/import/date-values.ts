import { hijriToGregorian } from "@tabby_ai/hijri-converter";
import { normaliseArabicName } from "@/lib/names/normalise-arabic";

/** Which comes first in d/m/yyyy-like dates of a column: Libyan registers day, a US-locale PC month. */
export type DateOrder = "dayFirst" | "monthFirst";
/** A date known to the day, or only its month or year ("6/2020", "2020"): kept as approximate. */
export type DatePrecision = "day" | "month" | "year";

export interface ReadDate {
  iso: string;
  precision: DatePrecision;
  /** The cell as typed, kept when the date was converted (Hijri, Excel serial) or is approximate. */
  original: string | null;
}

export type DateReading =
  | { kind: "date"; date: ReadDate; evidence: DateOrder | null }
  | { kind: "ambiguous"; dayFirst: ReadDate; monthFirst: ReadDate }
  | { kind: "empty" }
  | { kind: "refused"; problem: "dateFormat" | "dateInFuture" };

/** Excel counts days from 30 December 1899; 20000–80000 is 1954–2118. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const SERIAL_RANGE = [20_000, 80_000] as const;
/** Hijri years of the registers' dates (1900–2077). */
const HIJRI_YEARS = [1318, 1500] as const;

function validIso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fromHijri(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 30) return null;
  try {
    const gregorian = hijriToGregorian({ year, month, day });
    return validIso(gregorian.year, gregorian.month, gregorian.day);
  } catch {
    // Out of the converter's Umm al-Qura range (1343–1500 AH): not a date this registry can hold.
    return null;
  }
}

interface Cleaned {
  text: string;
  hijri: boolean;
}

/** Arabic-Indic digits made Western, a trailing "م" (Gregorian) dropped, a trailing "هـ" noted. */
function cleaned(typed: string): Cleaned {
  // Western digits and separators are what normalising would leave them: most dates skip it.
  const text = /^[\d./-]*$/.test(typed) ? typed : normaliseArabicName(typed).replace(/\s+/g, "");
  const hijri = /(هـ|ه)$/.test(text);
  return { text: text.replace(/(مـ|م|هـ|ه)$/, "").replace(/[-.\\]/g, "/"), hijri };
}

function dated(iso: string | null, precision: DatePrecision, original: string | null, evidence: DateOrder | null = null): DateReading {
  return iso === null ? { kind: "refused", problem: "dateFormat" } : { kind: "date", date: { iso, precision, original }, evidence };
}

// The helpers below are module functions, not closures made at each call: the reading process
// runs under tsx, which wraps every named closure in a naming call each time it is made.

/** A day, month and year as a date: Hijri when written so or when the year is a Hijri one. */
const dateOf = (day: number, month: number, year: number, hijri: boolean) => (hijri || year <= HIJRI_YEARS[1] ? fromHijri(year, month, day) : validIso(year, month, day));

/** Day and month of a/b/yyyy: decided by a value above 12, by the column's order, or left open. */
function dayMonth(first: number, second: number, year: number, hijri: boolean, original: string, order: DateOrder | null): DateReading {
  const keep = hijri || year <= HIJRI_YEARS[1] ? original : null;
  const dayFirst = dateOf(first, second, year, hijri);
  const monthFirst = dateOf(second, first, year, hijri);
  if (dayFirst === null && monthFirst === null) return { kind: "refused", problem: "dateFormat" };
  if (monthFirst === null || first === second) return dated(dayFirst, "day", keep, first > 12 ? "dayFirst" : null);
  if (dayFirst === null) return dated(monthFirst, "day", keep, "monthFirst");
  if (order === "dayFirst") return dated(dayFirst, "day", keep);
  if (order === "monthFirst") return dated(monthFirst, "day", keep);
  return { kind: "ambiguous", dayFirst: { iso: dayFirst, precision: "day", original: keep }, monthFirst: { iso: monthFirst, precision: "day", original: keep } };
}

const isHijriYear = (year: number, hijri: boolean) => hijri || (year >= HIJRI_YEARS[0] && year <= HIJRI_YEARS[1]);

function parseDate(typed: string, order: DateOrder | null): DateReading {
  const { text, hijri } = cleaned(typed);
  if (text === "") return { kind: "empty" };
  const serial = /^(\d{5})(\.\d+)?$/.exec(text);
  if (serial && Number(serial[1]) >= SERIAL_RANGE[0] && Number(serial[1]) <= SERIAL_RANGE[1]) {
    return dated(new Date(EXCEL_EPOCH + Number(serial[1]) * 86_400_000).toISOString().slice(0, 10), "day", typed.trim());
  }
  const yearFirst = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (yearFirst) {
    const [year, month, day] = [Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])];
    return isHijriYear(year, hijri) ? dated(fromHijri(year, month, day), "day", typed.trim()) : dated(validIso(year, month, day), "day", null);
  }
  const yearLast = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (yearLast) return dayMonth(Number(yearLast[1]), Number(yearLast[2]), Number(yearLast[3]), hijri, typed.trim(), order);
  const monthThenYear = /^(\d{1,2})\/(\d{4})$/.exec(text);
  const yearThenMonth = /^(\d{4})\/(\d{1,2})$/.exec(text);
  if (monthThenYear || yearThenMonth) {
    const [month, year] = monthThenYear ? [Number(monthThenYear[1]), Number(monthThenYear[2])] : [Number(yearThenMonth?.[2]), Number(yearThenMonth?.[1])];
    return dated(isHijriYear(year, hijri) ? fromHijri(year, month, 1) : validIso(year, month, 1), "month", typed.trim());
  }
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    return dated(isHijriYear(year, hijri) ? fromHijri(year, 1, 1) : validIso(year, 1, 1), "year", typed.trim());
  }
  return { kind: "refused", problem: "dateFormat" };
}

const tooEarlyOrLate = (date: ReadDate, today: string): "dateFormat" | "dateInFuture" | null => (date.iso < "1900-01-01" ? "dateFormat" : date.iso > today ? "dateInFuture" : null);

/**
 * A date cell as registers write it: YYYY-MM-DD, d/m/yyyy or m/d/yyyy (the column's order, or left
 * open for the column to decide), an Excel serial, Arabic-Indic digits, a trailing "م", a Hijri
 * date ("هـ", or a year 1318–1500) converted to Gregorian, or only a month or a year.
 */
export function readDate(typed: string, order: DateOrder | null, today: string): DateReading {
  const reading = parseDate(typed, order);
  if (reading.kind === "date") {
    const problem = tooEarlyOrLate(reading.date, today);
    return problem ? { kind: "refused", problem } : reading;
  }
  if (reading.kind === "ambiguous") {
    // A reading in the future is no reading: the other one is the date, and proves the order.
    const [dayFirst, monthFirst] = [tooEarlyOrLate(reading.dayFirst, today), tooEarlyOrLate(reading.monthFirst, today)];
    if (dayFirst && monthFirst) return { kind: "refused", problem: dayFirst };
    if (dayFirst) return { kind: "date", date: reading.monthFirst, evidence: "monthFirst" };
    if (monthFirst) return { kind: "date", date: reading.dayFirst, evidence: "dayFirst" };
  }
  return reading;
}
