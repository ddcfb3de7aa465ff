import { TIME_ZONE } from "@/lib/i18n/format";

/** Today's date in Tarhuna (YYYY-MM-DD): a date "in the future" is judged by the local calendar. */
export function todayInTarhuna(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function isFutureDate(isoDate: string, now: Date = new Date()): boolean {
  return isoDate > todayInTarhuna(now);
}
