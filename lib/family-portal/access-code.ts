import { randomInt } from "node:crypto";

/**
 * Characters a family can read aloud over the phone and copy by hand without doubt: none of
 * 0/O/D/Q, 1/I/L or U/V, and the digit alone of 2/Z, 5/S, 6/G and 8/B.
 */
export const ACCESS_CODE_ALPHABET = "23456789ACEFHJKMNPRTWXY";

export const ACCESS_CODE_LENGTH = 12;
export const ACCESS_CODE_GROUP_SIZE = 4;

/** How many different codes there are (23^12 ≈ 2.2 × 10^16). */
export function accessCodeSpace(): number {
  return ACCESS_CODE_ALPHABET.length ** ACCESS_CODE_LENGTH;
}

/** A fresh code in its canonical form (no separators), each character drawn uniformly by the OS's CSPRNG. */
export function generateAccessCode(): string {
  return Array.from({ length: ACCESS_CODE_LENGTH }, () => ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)]).join("");
}

/** XXXX-XXXX-XXXX, as printed on the slip and read aloud group by group. */
export function formatAccessCode(code: string): string {
  const groups: string[] = [];
  for (let start = 0; start < code.length; start += ACCESS_CODE_GROUP_SIZE) {
    groups.push(code.slice(start, start + ACCESS_CODE_GROUP_SIZE));
  }
  return groups.join("-");
}

const ARABIC_INDIC_ZERO = 0x0660;
const EASTERN_ARABIC_INDIC_ZERO = 0x06f0;

/** Phones with an Arabic keyboard type ٢ or ۲ for 2: both are read as the Western digit. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => {
    const point = digit.charCodeAt(0);
    const zero = point >= EASTERN_ARABIC_INDIC_ZERO ? EASTERN_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String(point - zero);
  });
}

/**
 * The canonical code a family typed, forgiving spaces, dashes, dots and lower case; null when what
 * is left is not a code (wrong length or a character outside the alphabet).
 */
export function parseAccessCode(typed: string): string | null {
  const canonical = westernDigits(typed).replace(/[\s\-_.]/g, "").toUpperCase();
  if (canonical.length !== ACCESS_CODE_LENGTH) return null;
  return [...canonical].every((character) => ACCESS_CODE_ALPHABET.includes(character)) ? canonical : null;
}

/** A family reference as stored (TRH-F-0001), whatever case, spacing or digits it was typed with. */
export function normaliseFamilyReference(typed: string): string {
  return westernDigits(typed).replace(/\s+/g, "").toUpperCase().slice(0, 40);
}
