/**
 * Likelihood ratios as people type them and as the registry shows them. Pure: shared by the form,
 * the action and every page, PDF and export that prints a ratio.
 *
 * What is read, by the form's locale (issue 19.1):
 * - digits: Western (0–9), Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹);
 * - scientific notation: 1.2e9, 1.2E+09, 1.2 × 10^9, 1.2×10⁹, 1.2 x 10^9;
 * - one decimal sign at most. "٫" is always one. English: "." is; "," is refused as ambiguous
 *   (a thousands separator to some, a decimal comma to others). Arabic (Libya writes 1.234,5):
 *   "," and "." are decimal signs, except that one followed by exactly three digits after a
 *   one-to-three-digit whole part and no exponent ("1,200", "1.200") could as well group
 *   thousands, and is refused as ambiguous;
 * - never thousands separators: two or more separators, or "٬", are refused with a request to
 *   write the number without them or in scientific notation.
 */
import { formatLog10LikelihoodRatio, SUPERSCRIPTS } from "./ratio-format";

export type LikelihoodRatioLocale = "ar" | "en";

export type LikelihoodRatioRefusal = "empty" | "invalid" | "ambiguous" | "separators" | "notPositive";

export type ParsedLikelihoodRatio = { ok: true; value: number } | { ok: false; reason: LikelihoodRatioRefusal };

function westernDigits(text: string): string {
  return text
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (digit) => String(SUPERSCRIPTS.indexOf(digit)))
    .replace(/⁻/g, "-")
    .replace(/⁺/g, "+")
    .replace(/[\u2212]/g, "-");
}

/** Splits "mantissa × 10^exponent" or "mantissa e exponent"; exponent null when there is none. */
function splitExponent(text: string): { mantissa: string; exponent: string | null } | null {
  const times = /^(.+?)\s*[×xX*]\s*10\s*\^?\s*([+-]?\d{1,3})$/.exec(text);
  if (times?.[1] && times[2]) return { mantissa: times[1], exponent: times[2] };
  const letter = /^(.+?)[eE]([+-]?\d{1,3})$/.exec(text);
  if (letter?.[1] && letter[2]) return { mantissa: letter[1], exponent: letter[2] };
  return /[eE×xX*^]/.test(text) ? null : { mantissa: text, exponent: null };
}

/** Whether the one separator typed is unmistakably a decimal sign in this locale. */
function unambiguousDecimalSign(sign: string, whole: string, fraction: string, hasExponent: boolean, locale: LikelihoodRatioLocale): boolean {
  if (sign === "٫") return true;
  if (locale === "en") return sign === ".";
  const couldGroupThousands = !hasExponent && fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole);
  return !couldGroupThousands;
}

export function parseLikelihoodRatio(typed: string, locale: LikelihoodRatioLocale): ParsedLikelihoodRatio {
  const text = westernDigits(typed.trim());
  if (text === "") return { ok: false, reason: "empty" };
  if (text.includes("٬")) return { ok: false, reason: "separators" };
  const parts = splitExponent(text);
  if (!parts) return { ok: false, reason: "invalid" };
  const signs = parts.mantissa.match(/[.,٫]/g) ?? [];
  if (signs.length > 1) return { ok: false, reason: "separators" };
  const mantissa = /^([+]?)(\d*)([.,٫]?)(\d*)$/.exec(parts.mantissa);
  if (!mantissa) return { ok: false, reason: "invalid" };
  const [, , whole = "", sign = "", fraction = ""] = mantissa;
  if (whole === "" && fraction === "") return { ok: false, reason: "invalid" };
  if (sign !== "" && !unambiguousDecimalSign(sign, whole, fraction, parts.exponent !== null, locale)) return { ok: false, reason: "ambiguous" };
  const value = Number(`${whole || "0"}.${fraction || "0"}e${parts.exponent ?? "0"}`);
  if (!Number.isFinite(value)) return { ok: false, reason: "invalid" };
  return value > 0 ? { ok: true, value } : { ok: false, reason: "notPositive" };
}

/** The value, or null for anything refused. */
export function likelihoodRatioValue(typed: string, locale: LikelihoodRatioLocale): number | null {
  const parsed = parseLikelihoodRatio(typed, locale);
  return parsed.ok ? parsed.value : null;
}

/** The form's message key for each refusal: the field says what to change. */
export const LIKELIHOOD_RATIO_MESSAGES: Readonly<Record<LikelihoodRatioRefusal, string>> = {
  empty: "Identifications.likelihoodRatioRequired",
  invalid: "Identifications.likelihoodRatioRequired",
  notPositive: "Identifications.likelihoodRatioRequired",
  ambiguous: "Identifications.likelihoodRatioAmbiguous",
  separators: "Identifications.likelihoodRatioSeparators",
};

export { formatLog10LikelihoodRatio };

export function formatLikelihoodRatio(value: number | null, options: { superscript?: boolean } = {}): string {
  return formatLog10LikelihoodRatio(value === null || value <= 0 ? null : Math.log10(value), options);
}
