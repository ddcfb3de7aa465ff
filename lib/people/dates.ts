import { TIME_ZONE } from "@/lib/i18n/format";

/**
 * Made once: building an Intl.DateTimeFormat costs far more than formatting with it, and an
 * import checks a date against today on every row (22 ms of a 5,000-row read's CPU).
 */
const ISO_DATE_IN_TARHUNA = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Tarhuna (YYYY-MM-DD): a date "in the future" is judged by the local calendar. */
export function todayInTarhuna(now: Date = new Date()): string {
  return ISO_DATE_IN_TARHUNA.format(now);
}

export function isFutureDate(isoDate: string, now: Date = new Date()): boolean {
  return isoDate > todayInTarhuna(now);
}
