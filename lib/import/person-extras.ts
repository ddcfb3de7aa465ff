import { normaliseArabicName } from "@/lib/names/normalise-arabic";
import { todayInTarhuna } from "@/lib/people/dates";
import { textCell, type CellResult } from "./cell-values";
import { readDate } from "./date-values";

/** A birth year as the record holds it: 1900–2100. */
const inRange = (year: number) => year >= 1900 && year <= 2100;

export interface BirthFromDate {
  year: number;
  /** The cell as typed: kept in the register notes. */
  typed: string;
}

/** A date of birth gives the birth year; its day and month, in either order, do not change it. */
export function dateOfBirthCell(text: string): CellResult<BirthFromDate | null> {
  const typed = textCell(text, { required: false, max: 40 });
  if (!typed.ok || typed.value === "") return typed.ok ? { ok: true, value: null } : typed;
  const reading = readDate(typed.value, null, todayInTarhuna(new Date()));
  if (reading.kind === "refused") return { ok: false, problem: reading.problem };
  if (reading.kind === "empty") return { ok: true, value: null };
  const iso = reading.kind === "ambiguous" ? reading.dayFirst.iso : reading.date.iso;
  const year = Number(iso.slice(0, 4));
  return inRange(year) ? { ok: true, value: { year, typed: typed.value } } : { ok: false, problem: "dateFormat" };
}

/** An age as registers write it: "35", "٣٥", "35 سنة". */
export function ageCell(text: string): CellResult<{ age: number; typed: string } | null> {
  const typed = textCell(text, { required: false, max: 40 });
  if (!typed.ok || typed.value === "") return typed.ok ? { ok: true, value: null } : typed;
  const match = /^(\d{1,3})\s*(سنه|سنوات|عام|عاما|years?|y)?$/iu.exec(normaliseArabicName(typed.value));
  const age = Number(match?.[1] ?? Number.NaN);
  return match && age <= 120 ? { ok: true, value: { age, typed: typed.value } } : { ok: false, problem: "ageFormat" };
}

/**
 * The birth year an age gives: counted back from the day the person was last seen (the age a
 * register writes is the age at disappearance), or from today when that is not known.
 */
export function birthYearFromAge(age: number, lastSeenOn: string | null): number | null {
  const year = Number((lastSeenOn ?? todayInTarhuna(new Date())).slice(0, 4)) - age;
  return inRange(year) ? year : null;
}

/** A national number in Western digits when it is one; otherwise as typed. */
export function nationalNumberCell(text: string): CellResult<string> {
  const typed = textCell(text, { required: false, max: 40 });
  if (!typed.ok) return typed;
  const digits = normaliseArabicName(typed.value).replace(/[\s-]/g, "");
  return { ok: true, value: /^\d+$/.test(digits) ? digits : typed.value };
}
