/**
 * Arabic names reach the registry spelled many ways: with or without harakat, hamza seats and
 * tatweel, "ة" or "ه", "ى" or "ي", digits typed on an Arabic keyboard. Search compares these
 * normalised forms so a relative typing a name as they know it still finds the case.
 */

/** Harakat, superscript alef, Quranic annotation marks and tatweel: none changes who is named. */
const MARKS = /[\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;

/** Invisible direction and joining controls that copy-paste from documents leaves behind. */
const INVISIBLE_CONTROLS = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0622": "\u0627", // آ
  "\u0671": "\u0627", // ٱ
  "\u0672": "\u0627",
  "\u0673": "\u0627",
  "\u0649": "\u064A", // ى
  "\u06CC": "\u064A", // Persian yeh
  "\u0626": "\u064A", // ئ
  "\u0629": "\u0647", // ة
  "\u0624": "\u0648", // ؤ
  "\u06A9": "\u0643", // Persian keheh
};
const LETTER_VARIANT_PATTERN = new RegExp(`[${Object.keys(LETTER_VARIANTS).join("")}]`, "g");

/** Eastern Arabic (U+0660) and Persian (U+06F0) digits, mapped to Western by their offset. */
const FOREIGN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/**
 * "son of" / "daughter of" are written by some and left out by others ("محمد بن علي" and
 * "محمد علي" name the same man), so they are dropped as standalone words. After alef unification
 * "إبن" is "ابن" as well.
 */
const CONNECTORS = new Set(["\u0628\u0646", "\u0627\u0628\u0646", "\u0628\u0646\u062A"]);

/** "عبد الله" and "عبدالله" are the same name; the space after "عبد" is a habit of the writer. */
const ABD_PREFIX = "\u0639\u0628\u062F";

function toWesternDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  const zero = code >= 0x06f0 ? 0x06f0 : 0x0660;
  return String(code - zero);
}

function joinAbdCompounds(words: string[]): string[] {
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined[joined.length - 1];
    if (previous === ABD_PREFIX) joined[joined.length - 1] = previous + word;
    else joined.push(word);
  }
  return joined;
}

function normaliseLetters(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE_CONTROLS, "")
    .replace(MARKS, "")
    .replace(LETTER_VARIANT_PATTERN, (letter) => LETTER_VARIANTS[letter] ?? letter)
    .replace(FOREIGN_DIGITS, toWesternDigit)
    .toLowerCase();
}

export function normaliseArabicName(text: string): string {
  const words = normaliseLetters(text).split(/\s+/).filter((word) => word !== "" && !CONNECTORS.has(word));
  return joinAbdCompounds(words).join(" ");
}

/**
 * Free text (an effect's description, a reporter's name in a filter) with the letters normalised
 * as in a name but every word kept. The database computes the same form for stored text with
 * normalise_arabic_text (migration 0015); a change here must be made there too.
 */
export function normaliseArabicText(text: string): string {
  return normaliseLetters(text).split(/\s+/).filter((word) => word !== "").join(" ");
}

export interface NameParts {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  /** Kept out of the search form: the Latin spelling has its own index on lower(name_latin). */
  nameLatin: string;
}

/** The value stored in name_search: the normalised Arabic parts in their customary order. */
export function buildNameSearch(parts: NameParts): string {
  return normaliseArabicName(
    [parts.givenName, parts.fatherName, parts.grandfatherName, parts.familyName].join(" "),
  );
}
