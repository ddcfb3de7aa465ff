import type { Random } from "./random";

/** Calendar dates are ISO strings (YYYY-MM-DD), as drizzle reads and writes `date` columns. */
const DAY_MS = 86_400_000;

function toDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(toDate(isoDate).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS);
}

export function randomDateBetween(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, daysBetween(from, to)));
}

/** A moment on a calendar date, in Libyan time (UTC+2), so the date never shifts in display. */
export function atHour(isoDate: string, hour: number): Date {
  return new Date(`${isoDate}T${String(hour).padStart(2, "0")}:00:00+02:00`);
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

export function laterOf(first: string, second: string): string {
  return first > second ? first : second;
}
