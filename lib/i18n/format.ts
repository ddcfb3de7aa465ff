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
  if (locale === "en") return formatter("number", locale, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
  return formatter("number", locale, () => new Intl.NumberFormat(intlLocale(locale), { useGrouping: "min2" }))
    .formatToParts(value)
    .map((part) => (part.type === "group" ? ARABIC_THOUSANDS_SEPARATOR : part.value))
    .join("");
}

/**
 * Each formatter is made once per kind and language, when first used (also in the browser, which
 * then builds none it does not need): building one (locale data, time zone) costs ~0.1 ms, and a
 * staff list formats a date or a number per row. Made per call, under load that was ~8 % of the
 * server's CPU (issue 30, point 3).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<Made extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, locale: Locale, make: () => Made): Made {
  const key = `${kind} ${locale}`;
  let made = formatters.get(key) as Made | undefined;
  if (!made) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

const dateFormatter = (kind: string, locale: Locale, options: Intl.DateTimeFormatOptions) =>
  formatter(kind, locale, () => new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: TIME_ZONE }));

export function formatDate(locale: Locale, value: Date | string): string {
  return dateFormatter("date", locale, { dateStyle: "long" }).format(new Date(value));
}

export function formatDateTime(locale: Locale, value: Date | string): string {
  return dateFormatter("dateTime", locale, { dateStyle: "long", timeStyle: "short" }).format(new Date(value));
}

/** "March 2021" / "مارس 2021" for a "2021-03" month key; the 15th keeps any time zone in the same month. */
export function formatMonth(locale: Locale, month: string): string {
  return dateFormatter("month", locale, { month: "long", year: "numeric" }).format(new Date(`${month}-15T12:00:00Z`));
}
