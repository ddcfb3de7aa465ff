import { DEFAULT_POLICE_STATION } from "@/lib/people/police-station";
import { normaliseArabicText } from "@/lib/names/normalise-arabic";

/**
 * A report is the same report however its number and station were typed: "418/2020", "2020/418",
 * "٤١٨/٢٠٢٠", "418 - 2020"; "مركز شرطة ترهونة", "ترهونه", "Tarhuna". Numbers restart every year, so
 * the year is part of the key (from the filed date when the number has none). These mirror
 * police_station_key and police_report_number_key (migration 0018), which key the stored reports.
 */

const STATION_WORDS = new Set(["مركز", "شرطه", "قسم", "police", "station", "centre", "center", "ps"]);
const TARHUNA_IN_LATIN = new Set(["tarhuna", "tarhouna", "tarhunah", "tarhona", "terhuna"]);

/** A register names a handful of stations a hundred thousand times: each is keyed once. */
const stationKeys = new Map<string, string>();

export function stationKey(station: string): string {
  let key = stationKeys.get(station);
  if (key === undefined) {
    key = computeStationKey(station);
    if (stationKeys.size < 1_000) stationKeys.set(station, key);
  }
  return key;
}

function computeStationKey(station: string): string {
  const stripped = normaliseArabicText(station)
    .split(" ")
    .filter((word) => word !== "" && !STATION_WORDS.has(word))
    .join(" ");
  return TARHUNA_IN_LATIN.has(stripped) ? "ترهونه" : stripped;
}

const plausibleYear = (text: string) => Number(text) >= 1950 && Number(text) <= 2099;

/** "418/2020" for every spelling of report 418 of 2020; anything else as typed, normalised. */
export function reportNumberKey(reportNumber: string, filedOn: string | null): string {
  // Western digits and separators are what normalising would leave them, but for runs of spaces,
  // which it folds to one (as the database's key does): most numbers skip the rest of it.
  const typed = (/^[\d/\\._\-\s]*$/.test(reportNumber) ? reportNumber.trim().replace(/\s+/g, " ") : normaliseArabicText(reportNumber)).replace(/\s*[/\\._-]\s*/g, "/");
  const numberFirst = /^0*(\d+)\/(\d{4})$/.exec(typed);
  if (numberFirst && plausibleYear(numberFirst[2] ?? "")) return `${numberFirst[1]}/${numberFirst[2]}`;
  const yearFirst = /^(\d{4})\/0*(\d+)$/.exec(typed);
  if (yearFirst && plausibleYear(yearFirst[1] ?? "")) return `${yearFirst[2]}/${yearFirst[1]}`;
  const bare = /^0*(\d+)$/.exec(typed);
  if (bare && filedOn) return `${bare[1]}/${filedOn.slice(0, 4)}`;
  return typed;
}

export function reportKey(station: string, reportNumber: string, filedOn: string | null): string {
  return `${stationKey(station)}|${reportNumberKey(reportNumber, filedOn)}`;
}

const DEFAULT_STATION_KEY = stationKey(DEFAULT_POLICE_STATION);

/** Each station cell as typed → as stored: like the keys, a handful of spellings, each worked out once. */
const canonicalStations = new Map<string, string>();

/** The station as stored: Tarhuna's station by its one name, any other as typed. */
export function canonicalStation(station: string): string {
  let canonical = canonicalStations.get(station);
  if (canonical === undefined) {
    const typed = station.trim().replace(/\s+/g, " ");
    canonical = typed === "" || stationKey(typed) === DEFAULT_STATION_KEY ? DEFAULT_POLICE_STATION : typed;
    if (canonicalStations.size < 1_000) canonicalStations.set(station, canonical);
  }
  return canonical;
}

/** The number as stored: "418/2020" when it is a number and a year, otherwise as typed. */
export function canonicalReportNumber(reportNumber: string, filedOn: string | null): string {
  const key = reportNumberKey(reportNumber, filedOn);
  return /^\d+\/\d{4}$/.test(key) ? key : reportNumber.trim();
}
