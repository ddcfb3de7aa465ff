import type { Locale } from "./routing";

/** Libya's time zone: dates of events in Tarhuna are shown as they were lived there. */
export const TIME_ZONE = "Africa/Tripoli";

/**
 * The Intl locale behind each URL locale. Arabic is formatted as in Libya with Western digits
 * (ar-LY writes 116, not ١١٦), whatever the runtime's default numbering system for "ar".
 */
export function intlLocale(locale: Locale): string {
  return locale === "ar" ? "ar-LY-u-nu-latn" : "en-GB";
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

export function formatDate(locale: Locale, value: Date | string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "long",
    timeZone: TIME_ZONE,
  }).format(new Date(value));
}

export function formatDateTime(locale: Locale, value: Date | string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(value));
}

/** "March 2021" / "مارس 2021" for a "2021-03" month key; the 15th keeps any time zone in the same month. */
export function formatMonth(locale: Locale, month: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    month: "long",
    year: "numeric",
    timeZone: TIME_ZONE,
  }).format(new Date(`${month}-15T12:00:00Z`));
}
