import { normaliseArabicName } from "@/lib/names/normalise-arabic";

/**
 * A Libyan phone number as registers write it — "091-2345678", "0912345678", "+218 91 234 5678",
 * "00218912345678", "٠٩١٢٣٤٥٦٧٨" — in one international form, +218 and nine digits. Null when the
 * text is not such a number (it is then kept as typed, never guessed).
 */
export function normaliseLibyanPhone(text: string): string | null {
  const digits = normaliseArabicName(text).replace(/[\s\-().]/g, "");
  const match = /^(?:\+218|00218|218|0)?([1-9]\d{8})$/.exec(digits);
  return match ? `+218${match[1]}` : null;
}
