import { normaliseArabicText } from "./normalise-arabic";

/**
 * A name part's phonetic key: what is left of it once everything that clerks, relatives and
 * keyboards vary is folded away, so that spellings of one name share a key and the database can
 * find them by equality through an index. It mirrors name_part_key (migration 0016), which keeps
 * the key of every stored part; a change here must be made there too.
 *
 * - letters normalised as in search (harakat, tatweel, hamza seats, "ة"/"ه", "ى"/"ي");
 * - a leading "ال" (or Latin "al"/"el") dropped when a name is left;
 * - Latin letters read as the Arabic they usually stand for ("kh" خ, "sh" ش, "q" and "g" ق, ...),
 *   so "Mohamed", "Muhammad" and "محمد" share a key; vowels are dropped on both sides;
 * - long vowels, ع and ء dropped ("سليمان"/"سلمان", "عمر"/"Omar");
 * - letters that sound alike or sit side by side folded: ث ص ش → س, ذ ز ض ظ → د, ط → ت, ح → ه,
 *   خ ق → ك;
 * - doubled letters written once, and a final ه dropped ("فاطمة"/"Fatima", "مفتاح"/"Muftah").
 *
 * Different names can share a key (حسن and حسين): the key only finds candidates, and the scorer
 * (name-match.ts) ranks an exact spelling above a key match.
 */
const NOT_A_LETTER = /[^a-z\u0621-\u063A\u0641-\u064A]/g;
const DEFINITE_ARTICLE = /^(\u0627\u0644|al|el)(.{3,})$/u;
const LATIN_DIGRAPHS: readonly (readonly [string, string])[] = [
  ["kh", "\u062E"],
  ["gh", "\u063A"],
  ["sh", "\u0634"],
  ["dh", "\u0630"],
  ["ph", "\u0641"],
];
const LATIN_LETTERS = "abcdefghijklmnopqrstuvwxyz";
const LATIN_AS_ARABIC = "\u0627\u0628\u0643\u062F\u0627\u0641\u0642\u0647\u0627\u062C\u0643\u0644\u0645\u0646\u0627\u0628\u0642\u0631\u0633\u062A\u0627\u0641\u0648\u0643\u064A\u0632";
const FOLDED_FROM = "\u062B\u0635\u0634\u0630\u0632\u0636\u0638\u0637\u062D\u062E\u0642";
const FOLDED_TO = "\u0633\u0633\u0633\u062F\u062F\u062F\u062F\u062A\u0647\u0643\u0643";
const DROPPED = new Set("\u0627\u0648\u064A\u0649\u0639\u0621");

/** PostgreSQL's translate(): each letter of `from` becomes the one at its place in `to`. */
function translation(from: string, to: string): (text: string) => string {
  const toLetters = [...to];
  const map = new Map([...from].map((letter, index) => [letter, toLetters[index] ?? letter]));
  return (text) => {
    let translated = "";
    for (const letter of text) translated += map.get(letter) ?? letter;
    return translated;
  };
}
const latinAsArabic = translation(LATIN_LETTERS, LATIN_AS_ARABIC);
const folded = translation(FOLDED_FROM, FOLDED_TO);

/** Letters only, normalised as in search: what both the key and its alternatives start from. */
const lettersOf = (part: string) => normaliseArabicText(part).replace(NOT_A_LETTER, "");

export function namePartKey(part: string): string {
  let text = lettersOf(part).replace(DEFINITE_ARTICLE, "$2");
  if (/[a-z]/.test(text)) {
    for (const [latin, arabic] of LATIN_DIGRAPHS) text = text.replaceAll(latin, arabic);
    text = latinAsArabic(text);
  }
  text = [...folded(text)].filter((letter) => !DROPPED.has(letter)).join("");
  return text.replace(/(.)\1+/gu, "$1").replace(/\u0647$/u, "");
}

/** "ال" followed by one or more further "ل" and at least three letters: "اللحجراوي", "الللفناري". */
const ARTICLE_WITH_DOUBLED_LAM = /^\u0627\u0644\u0644+(.{3,})$/u;

/**
 * The keys a typed word may stand for: its own key first, then, for a word whose article is
 * followed by a doubled "ل" ("اللحجراوي" typed for "الحجراوي"), the key of the word with the
 * extra "ل" gone. The key drops the article before it writes doubled letters once, so that
 * "الليبي" keeps its "ل"; a typed doubling right after the article therefore changes the key,
 * and a search by key alone would miss the name. Stored parts keep their one key (name_part_key):
 * the alternative is looked for, never stored.
 */
export function namePartKeys(part: string): string[] {
  const key = namePartKey(part);
  const doubled = ARTICLE_WITH_DOUBLED_LAM.exec(lettersOf(part));
  if (!doubled) return [key];
  const alternative = namePartKey(`\u0627\u0644${doubled[1] ?? ""}`);
  return alternative !== "" && alternative !== key ? [key, alternative] : [key];
}
