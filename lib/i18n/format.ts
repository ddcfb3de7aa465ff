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

/** The Arabic thousands separator: unlike ar-LY's ".", nobody takes it for a decimal point. */
const ARABIC_THOUSANDS_SEPARATOR = "\u066C";

/**
 * English groups thousands as usual (3,050). Arabic keeps ar-LY with Western digits but must not
 * write 3,050 bodies as ar-LY's "3.050", read as three point nought five by visitors used to ",":
 * no grouping below 10,000 (3050), and the Arabic separator above (12٬500). README, i18n notes.
 */
export function formatNumber(locale: Locale, value: number): string {
  if (locale === "en") return new Intl.NumberFormat(intlLocale(locale)).format(value);
  return new Intl.NumberFormat(intlLocale(locale), { useGrouping: "min2" })
    .formatToParts(value)
    .map((part) => (part.type === "group" ? ARABIC_THOUSANDS_SEPARATOR : part.value))
    .join("");
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
