/**
 * Dates typed as the page writes them: day/month/year ("21/03/2024"), whatever language the
 * browser runs in. A native date input follows the browser's locale instead (mm/dd/yyyy on an
 * English Windows PC inside an Arabic page), so the registry's forms use a text field and this.
 * Stored and validated values stay ISO (YYYY-MM-DD); no database code here (client and server).
 */

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;

/** "٢١/٠٣/٢٠٢٤" and "۲۱/۰۳/۲۰۲۴" read as "21/03/2024": phones with an Arabic keyboard type these. */
function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO));
  });
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(Date.UTC(2000, month - 1, day));
  probe.setUTCFullYear(year);
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The ISO day a typed date stands for, or null when it is not one. Day, month and a four-digit year
 * separated by "/", "-", "." or a space; ISO itself ("2024-03-21", as pasted from a spreadsheet) too.
 */
export function parseDayMonthYear(typed: string): string | null {
  const text = westernDigits(typed).trim();
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (isoMatch) {
    const [year, month, day] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    return isCalendarDay(year, month, day) ? iso(year, month, day) : null;
  }
  const match = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDay(year, month, day) ? iso(year, month, day) : null;
}

/** "2024-03-21" → "21/03/2024"; anything not an ISO day is shown as it is (what the user typed). */
export function formatDayMonthYear(value: string | null | undefined): string {
  if (!value) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}
