import { TIME_ZONE } from "@/lib/i18n/format";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

function partsOf(value: Date): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(value).map((part) => [part.type, part.value]));
}

/** "2026-12-06 09:40": a moment as lived in Tarhuna, digits in an order no reader can misread. */
export function libyaTime(value: Date): string {
  const { year, month, day, hour, minute } = partsOf(value);
  return `${year}-${month}-${day} ${hour}:${minute}`;
}

/** "Africa/Tripoli, UTC+02:00": the zone named, with the offset it had at that moment. */
export function libyaZone(value: Date): string {
  const offset = (partsOf(value).timeZoneName ?? "GMT").replace("GMT", "UTC");
  return `${TIME_ZONE}, ${offset === "UTC" ? "UTC+00:00" : offset}`;
}

/** A moment with its zone named; empty for none. */
export function libyaTimeWithZone(value: Date | null): string {
  return value ? `${libyaTime(value)} (${libyaZone(value)})` : "";
}

/** The calendar day in Libya of a moment recorded for a date alone (stored at noon UTC, the same day in Libya). */
export function libyaDate(value: Date): string {
  return libyaTime(value).slice(0, 10);
}
