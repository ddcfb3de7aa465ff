import { arabicForLatin } from "./latin-names";
import { namePartKey, namePartKeys } from "./name-key";
import { normaliseArabicName } from "./normalise-arabic";
import { nameQueryWords } from "./query-words";
import { rememberedByText } from "@/lib/remembered-by-text";

/**
 * Per-part name matching (issue 31). A typed name's words are assigned to a person's given,
 * father's, grandfather's and family name, each pair scored on its own, so the search can tell
 * "مفتاح سالم النخلاوي" from "صالح سالم النخلاوي" however much the rest of the name is shared.
 */
export const NAME_ROLES = ["given", "father", "grandfather", "family"] as const;
export type NameRole = (typeof NAME_ROLES)[number];

/**
 * How much a matched part says about who is meant. The given name tells brothers apart; the
 * family name is said by almost everyone; the father's name tells cousins apart; the
 * grandfather's is seldom said and shared by all the cousins on one side.
 */
export const ROLE_WEIGHTS: Readonly<Record<NameRole, number>> = { given: 1, father: 0.7, grandfather: 0.5, family: 0.8 };
const WEIGHTS = NAME_ROLES.map((role) => ROLE_WEIGHTS[role]);
/** The most a query of n words can score: its words on the n weightiest parts. */
const BEST_TOTALS = [...WEIGHTS].sort((a, b) => b - a).map((_, index, sorted) => sorted.slice(0, index + 1).reduce((sum, weight) => sum + weight, 0));

/** Words in an order nobody says a name in (father before given, say) weigh this much less. */
const UNUSUAL_ORDER_PENALTY = 0.15;
/** A key match scores at least this (and up to KEY_MATCH + KEY_MATCH_SPELLING for the same letters). */
const KEY_MATCH = 0.8;
const KEY_MATCH_SPELLING = 0.15;
/** Letters alone (keys differ): a word this alike or more counts, scoring at most SPELLING_ONLY. */
const SPELLING_ONLY_THRESHOLD = 0.6;
const SPELLING_ONLY = 0.7;
/** A Latin query matched against the stored Latin spelling scores at most this. */
const LATIN_SPELLING = 0.9;

export type PartMatchQuality = "exact" | "close";
export interface PartMatch {
  role: NameRole | "latin";
  quality: PartMatchQuality;
}
export interface NameMatch {
  /** 0 to 1: 1 when every word typed is exactly one of the parts it most tells about. */
  score: number;
  /** The parts matched, in the order of NAME_ROLES. */
  parts: PartMatch[];
}

export interface StoredName {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  nameLatin?: string;
}

interface PreparedWord {
  /** Normalised, letters only, without a leading "ال": the form compared letter by letter. */
  bare: string;
  /** The bare forms that count as the same name: itself, and the Arabic of a listed Latin spelling. */
  exactForms: string[];
  /** Its phonetic key, then any other key it may stand for (name-key.ts `namePartKeys`). */
  keys: string[];
  latin: boolean;
  /** Letters in `bare` (not UTF-16 units). */
  letters: number;
}

const LATIN_LETTER = /[a-z]/;

function bareForm(normalised: string): string {
  return normalised.replace(/[^a-z\u0621-\u064A]/g, "").replace(/^(\u0627\u0644|al|el)(.{3,})$/u, "$2");
}

/**
 * A part as it is compared letter by letter: normalised, letters only, without a leading "ال".
 * Two spellings with the same form are the same name (similarity 1). The database keeps every
 * stored part's form in part_forms (name_part_form, migration 0020); a change here must be made there too.
 */
export function namePartForm(part: string): string {
  return bareForm(normaliseArabicName(part));
}

function prepareWord(word: string): PreparedWord {
  const bare = namePartForm(word);
  const latin = LATIN_LETTER.test(bare);
  const arabic = latin ? arabicForLatin(bare) : undefined;
  return { bare, exactForms: arabic === undefined ? [bare] : [bare, bareForm(arabic)], keys: namePartKeys(word), latin, letters: [...bare].length };
}

/** 1 − edit distance / length of the longer word, over letters (not UTF-16 units). */
export function spellingSimilarity(left: string, right: string): number {
  const a = letterCodes(left, leftLetters);
  const b = letterCodes(right, rightLetters);
  if (a === 0 || b === 0) return a === b ? 1 : 0;
  return 1 - editDistance(a, b) / Math.max(a, b);
}

/**
 * The letters of a word as code points in `into` (grown when short), and how many: names are a few
 * letters long and compared by the hundred for each search, so the comparison allocates nothing.
 */
let leftLetters = new Int32Array(32);
let rightLetters = new Int32Array(32);
let previousRow = new Int32Array(33);
let currentRow = new Int32Array(33);

function letterCodes(word: string, into: Int32Array): number {
  let count = 0;
  for (const letter of word) {
    if (count === into.length) into = grownLetters(into);
    into[count] = letter.codePointAt(0) ?? 0;
    count += 1;
  }
  return count;
}

function grownLetters(letters: Int32Array): Int32Array {
  const grown = new Int32Array(letters.length * 2);
  grown.set(letters);
  if (letters === leftLetters) leftLetters = grown;
  else rightLetters = grown;
  return grown;
}

/** Levenshtein distance between leftLetters[0, a) and rightLetters[0, b), one row at a time. */
function editDistance(a: number, b: number): number {
  if (previousRow.length <= b) {
    previousRow = new Int32Array(2 * (b + 1));
    currentRow = new Int32Array(2 * (b + 1));
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b; j += 1) previous[j] = j;
  for (let i = 1; i <= a; i += 1) {
    current[0] = i;
    const letter = leftLetters[i - 1];
    for (let j = 1; j <= b; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (letter === rightLetters[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    const finished = current;
    current = previous;
    previous = finished;
  }
  return previous[b] ?? 0;
}

/** A stored part, prepared once however many words it is compared with. */
interface PreparedPart {
  bare: string;
  /** Letters in `bare` (not UTF-16 units). */
  letters: number;
  key: string;
  latin: boolean;
}

/**
 * Stored parts prepared, shared by every search: a registry of a hundred thousand people holds a
 * few thousand distinct parts, and normalising the same ones again for each search's hundred
 * candidates was a third of the search's own CPU. Emptied when full, so it cannot grow without bound.
 */
const PREPARED_PARTS_KEPT = 50_000;

const preparePart = rememberedByText((part): PreparedPart => {
  const bare = namePartForm(part);
  return { bare, letters: [...bare].length, key: bare === "" ? "" : namePartKey(part), latin: LATIN_LETTER.test(bare) };
}, PREPARED_PARTS_KEPT);

/** A stored part's phonetic key, as name_part_key keeps it in part_keys, from the shared preparation. */
export function storedPartKey(part: string): string {
  return preparePart(part).key;
}

/**
 * How well one typed word names one stored part: 1 for the same name however written, 0.8–0.95
 * for the same phonetic key (closer letters score higher, so "حسن" prefers حسن to حسين), up to
 * 0.7 for a near spelling whose key differs, else 0.
 */
function wordSimilarity(word: PreparedWord, part: PreparedPart): number {
  if (part.bare === "") return 0;
  if (word.exactForms.includes(part.bare)) return 1;
  const sameKey = part.key !== "" && word.keys.includes(part.key);
  // Without the key, letters count only from SPELLING_ONLY_THRESHOLD on, and the edit distance is
  // at least the difference in length: words too unequal in length are not compared.
  if (!sameKey && 1 - Math.abs(word.letters - part.letters) / Math.max(word.letters, part.letters) < SPELLING_ONLY_THRESHOLD) return 0;
  const spelling = word.latin === part.latin ? spellingSimilarity(word.bare, part.bare) : 0;
  if (sameKey) return KEY_MATCH + KEY_MATCH_SPELLING * spelling;
  return spelling >= SPELLING_ONLY_THRESHOLD ? SPELLING_ONLY * spelling : 0;
}

const FAMILY_ROLE = NAME_ROLES.indexOf("family");

/**
 * Given before father before grandfather before family, or the family name said first: the roles
 * of the words that matched a part (-1 for the others), in the order the words were typed.
 */
function isCustomary(roleOfWord: ArrayLike<number>, words: number): boolean {
  let matched = 0;
  let first = -1;
  let previous = -1;
  let increasing = true;
  let increasingAfterFirst = true;
  for (let word = 0; word < words; word += 1) {
    const role = roleOfWord[word] ?? -1;
    if (role < 0) continue;
    if (matched === 0) first = role;
    if (matched >= 1 && role <= previous) increasing = false;
    if (matched >= 2 && role <= previous) increasingAfterFirst = false;
    previous = role;
    matched += 1;
  }
  return increasing || (first === FAMILY_ROLE && increasingAfterFirst);
}

/**
 * The best assignment of words (rows) to parts (columns) by weighted similarity, each part taking
 * at most one word and a word no part. Queries have at most a handful of words, so every
 * assignment is tried (the first of equal totals kept), without allocating for each: a search scores a hundred names.
 */
export function bestAssignment(similarities: readonly (readonly number[])[]): { total: number; roleOfWord: number[] } {
  const words = similarities.length;
  const roleOfWord = new Int8Array(words).fill(-1);
  const bestRoles = new Int8Array(words).fill(-1);
  let bestTotal = 0;
  const visit = (word: number, used: number, total: number) => {
    if (word === words) {
      const adjusted = isCustomary(roleOfWord, words) ? total : total - UNUSUAL_ORDER_PENALTY;
      if (adjusted > bestTotal) {
        bestTotal = adjusted;
        bestRoles.set(roleOfWord);
      }
      return;
    }
    roleOfWord[word] = -1;
    visit(word + 1, used, total);
    const row = similarities[word] ?? [];
    for (let role = 0; role < NAME_ROLES.length; role += 1) {
      const similarity = row[role] ?? 0;
      if (similarity <= 0 || used & (1 << role)) continue;
      roleOfWord[word] = role;
      visit(word + 1, used | (1 << role), total + similarity * (WEIGHTS[role] ?? 0));
    }
    roleOfWord[word] = -1;
  };
  visit(0, 0, 0);
  return { total: bestTotal, roleOfWord: Array.from(bestRoles) };
}

const quality = (similarity: number): PartMatchQuality => (similarity >= 1 ? "exact" : "close");

/**
 * A scorer for one typed name, to be applied to many people. Similarities are remembered per
 * stored spelling, so scoring the thousands of people who share a few hundred names is cheap.
 */
export function createNameScorer(query: string): {
  words: string[];
  /** Every key of every word, to look candidates up by. */
  keys: string[];
  /** The keys of each word, in the order of `words`. */
  wordKeys: string[][];
  forms: string[];
  score(name: StoredName): NameMatch;
} {
  const words = nameQueryWords(query).slice(0, 5);
  const prepared = words.map(prepareWord);
  const remembered = new Map<string, number[]>();
  const similaritiesTo = (part: string) => {
    let similarities = remembered.get(part);
    if (!similarities) {
      const preparedPart = preparePart(part);
      similarities = prepared.map((word) => wordSimilarity(word, preparedPart));
      remembered.set(part, similarities);
    }
    return similarities;
  };
  const latinWords = prepared.filter((word) => word.latin);

  function latinSpellingMatch(nameLatin: string): NameMatch | null {
    if (latinWords.length === 0 || nameLatin === "") return null;
    const stored = nameLatin.split(/[\s]+/).filter((word) => word !== "");
    const storedParts = stored.map(preparePart);
    const best = latinWords.map((word) => Math.max(0, ...storedParts.map((part) => wordSimilarity(word, part))));
    const score = (LATIN_SPELLING * best.reduce((sum, value) => sum + value, 0)) / prepared.length;
    if (best.every((value) => value === 0)) return null;
    return { score, parts: [{ role: "latin", quality: best.every((value) => value >= 1) ? "exact" : "close" }] };
  }

  function score(name: StoredName): NameMatch {
    const parts = [name.givenName, name.fatherName, name.grandfatherName, name.familyName];
    const columns = parts.map(similaritiesTo);
    const similarities = prepared.map((_, word) => columns.map((column) => column[word] ?? 0));
    const { total, roleOfWord } = bestAssignment(similarities);
    const denominator = BEST_TOTALS[Math.min(prepared.length, NAME_ROLES.length) - 1] ?? 1;
    const matched: NameMatch = {
      score: prepared.length === 0 ? 0 : Math.max(0, total) / denominator,
      parts: roleOfWord
        .map((role, word) => ({ role, similarity: similarities[word]?.[role] ?? 0 }))
        .filter(({ role }) => role >= 0)
        .sort((left, right) => left.role - right.role)
        .map(({ role, similarity }) => ({ role: NAME_ROLES[role] ?? "given", quality: quality(similarity) })),
    };
    const latin = latinSpellingMatch(name.nameLatin ?? "");
    return latin && latin.score > matched.score ? latin : matched;
  }

  return { words, keys: prepared.flatMap((word) => word.keys), wordKeys: prepared.map((word) => word.keys), forms: prepared.flatMap((word) => word.exactForms), score };
}

/**
 * Two records of a name compared part by part, the roles known on both sides (a person form, an
 * import row): the similarity of each part written on both. Used by duplicate detection.
 */
export function comparePartByPart(left: StoredName, right: StoredName): (number | null)[] {
  const leftParts = [left.givenName, left.fatherName, left.grandfatherName, left.familyName];
  const rightParts = [right.givenName, right.fatherName, right.grandfatherName, right.familyName];
  return leftParts.map((part, index) => {
    const other = rightParts[index] ?? "";
    const word = preparedWordOfPart(part);
    if (word === null || isBlank(other)) return null;
    return wordSimilarity(word, preparePart(other));
  });
}

/**
 * A new record's part prepared as a typed word, remembered like the stored parts: an import's review
 * compares each of thousands of people with up to a hundred candidates, part by part, and preparing
 * the same few thousand spellings again for each comparison was most of the review's own CPU.
 * null for a part that normalises to nothing.
 */
const preparedWordOfPart = rememberedByText((part): PreparedWord | null => (isBlank(part) ? null : prepareWord(part)), PREPARED_PARTS_KEPT);

const isBlank = rememberedByText((part) => normaliseArabicName(part) === "", PREPARED_PARTS_KEPT);
