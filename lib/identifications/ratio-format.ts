/**
 * How the registry prints a likelihood ratio, from its base-10 logarithm. Apart from the parsing of
 * typed ratios (likelihood-ratio.ts, which names the form's messages), so that a page printing
 * ratios does not pull those messages into its browser bundle's reckoning.
 */
export const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

const superscript = (exponent: number): string =>
  String(exponent)
    .replace("-", "⁻")
    .replace(/\d/g, (digit) => SUPERSCRIPTS[Number(digit)] ?? digit);

/**
 * "1.2 × 10⁹" from the base-10 logarithm (ratios run past 10³⁰⁸, where a double gives up):
 * at most three significant digits, trailing zeros dropped; plain digits from 1 to 999.
 * `superscript: false` writes "1.2 × 10^9" for fonts without superscript digits (the PDF's).
 */
export function formatLog10LikelihoodRatio(log10: number | null, options: { superscript?: boolean } = {}): string {
  if (log10 === null || log10 === -Infinity) return "0";
  if (!Number.isFinite(log10)) return "∞";
  let exponent = Math.floor(log10);
  let mantissa = Number((10 ** (log10 - exponent)).toFixed(2));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  if (exponent >= 0 && exponent <= 2) return String(Number((mantissa * 10 ** exponent).toPrecision(3)));
  const power = options.superscript === false ? `10^${exponent}` : `10${superscript(exponent)}`;
  return `${String(mantissa)} × ${power}`;
}

