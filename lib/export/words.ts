import arabic from "@/lib/i18n/messages/ar";
import english from "@/lib/i18n/messages/en";
import type { Locale } from "@/lib/i18n/routing";

/** The words an export writes for stored codes: "ذكر" or "Male", never "male". The importer reads both back. */
export interface ExportWords {
  sex: (code: string | null) => string;
  personStatus: (code: string | null) => string;
  reportCategory: (code: string | null) => string;
}

/** A code's word, or the code itself for one the catalogue does not know (never an empty cell). */
function wordFor(words: Record<string, string>): (code: string | null) => string {
  return (code) => (code === null ? "" : (words[code] ?? code));
}

export function exportWords(language: Locale): ExportWords {
  const people = (language === "ar" ? arabic : english).People;
  return {
    sex: wordFor(people.sexes),
    personStatus: wordFor(people.statuses),
    reportCategory: wordFor(people.categories),
  };
}
