import { normaliseArabicName } from "@/lib/names/normalise-arabic";

/**
 * Given and family names that begin with "و": the letter is part of the name, not "and".
 * A word beginning with "و" outside this list, after a name, is read as "and" + a name.
 */
const NAMES_BEGINNING_WITH_WAW = new Set(
  [
    "وليد", "وليده", "وائل", "وسام", "وفاء", "ونيس", "ونيسه", "وحيد", "وحيده", "وداد", "وصال", "وعد", "وجدي", "وديع", "وديعه", "وهيبه", "وهيب",
    "ورد", "ورده", "وفيق", "وفيقه", "وسيله", "ولاء", "وئام", "وصفي", "وضاح", "وهبي", "وافي", "وجيه", "وجيهه", "وسيم", "وسيمه", "واصل", "والي",
    "وهبه", "ودان", "وردان", "وازن", "وفي", "وحيدي", "ودود", "وجدان", "ورقاء", "وناس", "وناسه", "وريث", "ورفلي", "ورشفاني", "ورفله",
  ].map(normaliseArabicName),
);

/** Commas (Latin and Arabic), semicolons, new lines and a free-standing "و" stand between names. */
const SEPARATORS = /\s*[,،;؛\n\r]+\s*|\s+و\s+/u;

function splitAttachedWaw(words: readonly string[]): string[][] {
  const names: string[][] = [[]];
  for (const word of words) {
    const current = names.at(-1) ?? [];
    const rest = word.slice(1);
    const afterName = current.length > 0 && !/^(عبد|ابو|أبو)$/u.test(current.at(-1) ?? "");
    const isAnd = word.startsWith("و") && afterName && rest.length >= 2 && !NAMES_BEGINNING_WITH_WAW.has(normaliseArabicName(word));
    if (isAnd) names.push([rest]);
    else current.push(word);
  }
  return names;
}

/** "عبد الله", "أبو بكر": two words, one name. */
function nameUnits(words: readonly string[]): string[] {
  const units: string[] = [];
  for (const word of words) {
    const previous = units.at(-1);
    if (previous !== undefined && /^(عبد|ابو|أبو)$/u.test(previous)) units[units.length - 1] = `${previous} ${word}`;
    else units.push(word);
  }
  return units;
}

/**
 * Brothers written the way registers write them, "محمد وأحمد مفتاح سالم القماطي": the given names
 * first, then the father's, grandfather's and family names they share. A name of one word (or one
 * compound, "عبد الله") before the last full name takes that name's other parts.
 */
function shareTail(names: string[][]): string[][] {
  const units = names.map(nameUnits);
  const last = units.at(-1) ?? [];
  if (units.length < 2 || last.length < 2 || units.slice(0, -1).some((name) => name.length !== 1)) return units;
  const tail = last.slice(1);
  return [...units.slice(0, -1).map((name) => [...name, ...tail]), last];
}

/**
 * The full names of the people one register cell names: "محمد علي القماطي و أحمد علي القماطي",
 * "...، ...", "محمد وأحمد علي القماطي". A name stays whole ("عبد الله", "وليد", a trailing "و").
 */
export function splitNameList(cell: string): string[] {
  // Most registers have no names column: its empty cell names nobody, without the splitting below.
  if (cell.trim() === "") return [];
  const names = cell
    .split(SEPARATORS)
    .map((part) => part.trim().replace(/^و\s+|\s+و$/u, "").trim())
    .filter((part) => part !== "" && part !== "و")
    .flatMap((part) => splitAttachedWaw(part.split(/\s+/u)));
  return shareTail(names.filter((words) => words.length > 0)).map((words) => words.join(" "));
}
