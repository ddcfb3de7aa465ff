import { todayInTarhuna } from "@/lib/people/dates";

/** Today's date in Libya as YYYY-MM-DD: "not in the future" means as the staff in Tarhuna live it. */
export function todayInLibya(now: Date = new Date()): string {
  return todayInTarhuna(now);
}

/**
 * A datetime-local value ("2024-05-01T09:30") read as Libyan time. Libya has kept UTC+2 all year
 * since 2013, so the offset is fixed rather than looked up.
 */
export function libyanLocalTimeToDate(localDateTime: string): Date {
  return new Date(`${localDateTime}:00+02:00`);
}

/** The inverse, for filling a datetime-local input with a stored instant. */
export function dateToLibyanLocalTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 2 * 60 * 60 * 1000);
  return shifted.toISOString().slice(0, 16);
}
