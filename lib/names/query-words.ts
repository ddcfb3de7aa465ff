import { normaliseArabicName } from "./normalise-arabic";

/**
 * Words said before a name that are no part of it: honorifics, "the late", "the martyr". Compared
 * after normalisation (so "الحاج" and "الحآج" are one title). "بن"/"ابن"/"بنت" are dropped by
 * normaliseArabicName already.
 */
const TITLES = new Set(
  [
    "الحاج", "حاج", "الحاجه", "الحاجة", "السيد", "سيد", "السيده", "السيدة", "الشيخ", "شيخ", "الدكتور", "دكتور", "د",
    "الاستاذ", "استاذ", "المهندس", "مهندس", "المرحوم", "المرحومه", "المرحومة", "الشهيد", "شهيد", "الشهيده", "الشهيدة",
    "المفقود", "المفقوده", "المفقودة", "mr", "mrs", "ms", "dr", "haj", "hajj", "hajja", "sheikh", "shaikh", "sayed", "sayyid",
  ].map(normaliseArabicName),
);

/** Marks typed around or between names ("Dr.", "محمد، علي"); a hyphen stays ("Al-Nakhlawi"). */
const PUNCTUATION = /[.,;:!?()"'«»\u060C\u061B\u061F]/g;
/** Latin words for "son of" / "daughter of", dropped as their Arabic forms are. */
const LATIN_CONNECTORS = new Set(["bin", "ben", "ibn", "bint"]);
/** Latin particles written apart from the word they belong to: "Abdul Rahman", "Al Nakhlawi". */
const LATIN_JOINED_TO_NEXT = new Set(["abd", "abdul", "abdel", "abdal", "abdu", "al", "el"]);

/**
 * The words of a typed name as they are compared with a person's parts: letters normalised,
 * "بن"/"ابن" and titles dropped, "عبد الله" and "Abdul Rahman" kept as one word. A title alone is
 * kept, so that searching for "الشيخ" still finds someone called that.
 */
export function nameQueryWords(query: string): string[] {
  const words = normaliseArabicName(query.replace(PUNCTUATION, " ")).split(" ").filter((word) => word !== "" && !LATIN_CONNECTORS.has(word));
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && LATIN_JOINED_TO_NEXT.has(previous)) joined[joined.length - 1] = previous + word;
    else joined.push(word);
  }
  const untitled = joined.filter((word) => !TITLES.has(word));
  return untitled.length > 0 ? untitled : joined;
}
