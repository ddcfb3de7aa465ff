import { normaliseArabicName } from "@/lib/names/normalise-arabic";

/** Words before a name that are no part of it: honorifics, and what a register adds for the dead. */
const TITLES = new Set(["الحاج", "الحاجه", "حاج", "الشيخ", "السيد", "السيده", "الاستاذ", "الدكتور", "د", "المرحوم", "المرحومه", "الشهيد", "الشهيده", "المهندس", "العقيد", "النقيب"].map(normaliseArabicName));
/** "son of" / "daughter of": written by some, left out by others. */
const CONNECTORS = new Set(["بن", "ابن", "إبن", "بنت", "ولد"].map(normaliseArabicName));

export interface SplitName {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  /** The titles left out ("الحاج"), kept with the record's source values. */
  title: string;
}

/** "عبد" and "ابو" begin two-word names ("عبد السلام", "أبو بكر"). */
function joinCompounds(words: string[]): string[] {
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined.at(-1);
    if (previous !== undefined && ["عبد", "ابو", "أبو"].includes(previous)) joined[joined.length - 1] = `${previous} ${word}`;
    else joined.push(word);
  }
  return joined;
}

/**
 * A full name as registers write it in one cell, in its four customary parts: given, father,
 * grandfather, family; titles and "بن/ابن" left out, "عبد X" kept together. Three words end in the
 * family name when the last begins with "ال", otherwise in the grandfather's.
 */
export function splitFullName(fullName: string): SplitName {
  const words = fullName.trim().split(/\s+/).filter((word) => word !== "");
  const titles: string[] = [];
  while (words.length > 1 && TITLES.has(normaliseArabicName(words[0] ?? ""))) titles.push(words.shift() ?? "");
  const parts = joinCompounds(words.filter((word) => !CONNECTORS.has(normaliseArabicName(word))));
  const [givenName = "", fatherName = "", third = "", ...rest] = parts;
  const threeEndInFamily = parts.length === 3 && /^(ال|al-?)/i.test(third);
  return {
    givenName,
    fatherName,
    grandfatherName: parts.length >= 4 || !threeEndInFamily ? third : "",
    familyName: parts.length >= 4 ? rest.join(" ") : threeEndInFamily ? third : "",
    title: titles.join(" "),
  };
}
