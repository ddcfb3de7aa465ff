/**
 * A CSV saved from Excel under a code page without Arabic letters has each letter replaced by "?"
 * ("٤١٨/٢٠٢٠" becomes "???/????"), and a wrongly decoded file shows U+FFFD: the value is lost and
 * must be typed again, never imported as it reads now. One "?" alone ("unknown") is a value.
 */
export function isDamagedText(text: string): boolean {
  if (!text.includes("?") && !text.includes("\uFFFD")) return false;
  return text.includes("\uFFFD") || /\?{2,}/.test(text) || /(^|[\s/\-.])\?([\s/\-.]|$)\S*\?/.test(text);
}

/** Excel's error values, as they arrive in a CSV it saved: no one's name or date. */
export function isSpreadsheetError(text: string): boolean {
  if (!text.includes("#")) return false;
  return /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i.test(text.trim());
}
