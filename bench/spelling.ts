import type { Random } from "@/lib/demo/random";

/**
 * How the same Arabic name reaches the registry spelt differently, and how a searcher mistypes it.
 * Both work on the demo's name parts (lib/demo/names.ts); nothing here is a real person's name.
 */

/** Spellings a clerk writes for the same name: hamza seats, tā' marbūṭa, alif maqṣūra, "عبد" joined. */
const WRITING_HABITS: readonly ((word: string) => string)[] = [
  (word) => word.replace(/[أإآ]/g, "ا"),
  (word) => word.replace(/ة$/, "ه"),
  (word) => word.replace(/ى$/, "ي"),
  (word) => word.replace(/^عبد /, "عبد"),
  (word) => (word.length > 3 ? `${word.slice(0, 2)}ـ${word.slice(2)}` : word),
];

/** The name as one clerk might have written it (most often exactly as it is). */
export function clerkSpelling(random: Random, word: string): string {
  if (!random.chance(0.3)) return word;
  return random.pick(WRITING_HABITS)(word);
}

/** Letters that sound alike or sit side by side on the Arabic keyboard. */
const CONFUSED_LETTERS: Readonly<Record<string, string>> = {
  ث: "س", س: "ص", ص: "س", ذ: "ز", ز: "ذ", ض: "ظ", ظ: "ض", ق: "ك", ك: "ق",
  ح: "ه", ه: "ح", ت: "ط", ط: "ت", د: "ذ", ع: "ا", ي: "ى",
};

function replaceOneLetter(random: Random, word: string): string {
  const positions = [...word].flatMap((letter, index) => (CONFUSED_LETTERS[letter] ? [index] : []));
  if (positions.length === 0) return word;
  const position = random.pick(positions);
  const letters = [...word];
  letters[position] = CONFUSED_LETTERS[letters[position] ?? ""] ?? "";
  return letters.join("");
}

/** A long vowel left out ("سليمان" as "سلمان"), a common slip in handwritten lists. */
function dropOneLongVowel(random: Random, word: string): string {
  const positions = [...word].flatMap((letter, index) => (index > 0 && index < word.length - 1 && "اوي".includes(letter) ? [index] : []));
  if (positions.length === 0) return word;
  const position = random.pick(positions);
  return [...word].filter((_, index) => index !== position).join("");
}

function doubleOneLetter(random: Random, word: string): string {
  if (word.length < 3) return word;
  const position = random.int(1, word.length - 2);
  return word.slice(0, position + 1) + word.slice(position);
}

const MISTAKES = [replaceOneLetter, dropOneLongVowel, doubleOneLetter];

/** A misspelt search for a name: one or two of its words carry one mistake each. */
export function misspell(random: Random, words: string[]): string {
  const changed = [...words];
  const mistakes = random.int(1, Math.min(2, words.length));
  for (let count = 0; count < mistakes; count += 1) {
    const index = random.int(0, changed.length - 1);
    changed[index] = random.pick(MISTAKES)(random, changed[index] ?? "");
  }
  return changed.join(" ");
}
