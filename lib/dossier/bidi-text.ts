import bidiFactory from "bidi-js";

const bidi = bidiFactory();

/** Letters drawn with the Arabic font; Arabic-Indic digits are turned into Western ones first. */
const ARABIC_LETTER = /[\u0600-\u065F\u066A-\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ARABIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

export interface TextRun {
  /** In logical order: the Arabic font's shaping (fontkit) lays out right-to-left runs itself. */
  text: string;
  arabic: boolean;
  /** Position of the run's first character in the line as drawn from left to right. */
  visualIndex: number;
  /** Position in the original text: runs are drawn in this order so extracted text reads logically. */
  logicalIndex: number;
}

function westernDigits(text: string): string {
  return text.replace(ARABIC_DIGIT, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}

function isArabicAt(chars: readonly string[], index: number): boolean {
  const char = chars[index] ?? "";
  if (ARABIC_LETTER.test(char)) return true;
  // A space between Arabic words belongs to them, so a name stays one run (and one extracted string).
  return char === " " && (ARABIC_LETTER.test(chars[index - 1] ?? "") || ARABIC_LETTER.test(chars[index + 1] ?? ""));
}

/**
 * Splits one line into runs in visual order (Unicode bidirectional algorithm, bidi-js): Arabic runs
 * for the Arabic font, the rest (Latin, digits, punctuation, mirrored as needed) for the Latin font.
 */
export function visualRuns(line: string, direction: "rtl" | "ltr"): TextRun[] {
  const text = westernDigits(line);
  const levels = bidi.getEmbeddingLevels(text, direction);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const order = Array.from({ length: text.length }, (_, index) => index);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(text, levels)) {
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  const visualChars = order.map((index) => mirrored.get(index) ?? text[index] ?? "");
  const runs: (TextRun & { chars: string[] })[] = [];
  visualChars.forEach((char, visualIndex) => {
    const arabic = isArabicAt(visualChars, visualIndex);
    const logicalIndex = order[visualIndex] ?? visualIndex;
    const last = runs.at(-1);
    if (last && last.arabic === arabic) {
      last.chars.push(char);
      last.logicalIndex = Math.min(last.logicalIndex, logicalIndex);
    } else {
      runs.push({ text: "", arabic, visualIndex, logicalIndex, chars: [char] });
    }
  });
  return runs.map(({ chars, ...run }) => ({ ...run, text: run.arabic ? chars.reverse().join("") : chars.join("") }));
}

export function hasArabic(text: string): boolean {
  return ARABIC_LETTER.test(text);
}
