import type { Random } from "./random";

/** An Arabic name with the Latin spelling a Libyan passport would most likely give it. */
export interface TransliteratedName {
  ar: string;
  latin: string;
}

const names = (pairs: readonly (readonly [string, string])[]): TransliteratedName[] =>
  pairs.map(([ar, latin]) => ({ ar, latin }));

/** Common given names only: on their own they name nobody in particular. */
export const MALE_GIVEN_NAMES = names([
  ["أحمد", "Ahmed"], ["محمد", "Mohamed"], ["علي", "Ali"], ["عمر", "Omar"], ["مصطفى", "Mustafa"],
  ["عبد الله", "Abdullah"], ["عبد الرحمن", "Abdulrahman"], ["سالم", "Salem"], ["خالد", "Khaled"],
  ["يوسف", "Youssef"], ["إبراهيم", "Ibrahim"], ["حسن", "Hassan"], ["حسين", "Hussein"],
  ["عادل", "Adel"], ["فتحي", "Fathi"], ["ميلاد", "Milad"], ["صالح", "Saleh"], ["منصور", "Mansour"],
  ["عثمان", "Othman"], ["إسماعيل", "Ismail"], ["طارق", "Tarek"], ["رمضان", "Ramadan"],
  ["الطاهر", "Altaher"], ["الهادي", "Alhadi"], ["مفتاح", "Muftah"], ["عمران", "Omran"],
  ["نوري", "Nouri"], ["بشير", "Bashir"], ["جمعة", "Jumaa"], ["سعيد", "Saeed"], ["أسامة", "Osama"],
  ["مراد", "Murad"], ["وليد", "Walid"], ["أيوب", "Ayoub"], ["مؤمن", "Moamen"], ["هشام", "Hisham"],
  ["نصر", "Nasr"], ["فرج", "Faraj"], ["زكريا", "Zakaria"], ["موسى", "Mousa"], ["عيسى", "Issa"],
  ["يحيى", "Yahya"], ["أنس", "Anas"], ["معاذ", "Moaz"], ["بلال", "Bilal"], ["حمزة", "Hamza"],
]);

export const FEMALE_GIVEN_NAMES = names([
  ["عائشة", "Aisha"], ["فاطمة", "Fatima"], ["خديجة", "Khadija"], ["مريم", "Maryam"],
  ["سعاد", "Souad"], ["نجاة", "Najat"], ["هدى", "Huda"], ["أسماء", "Asma"], ["زينب", "Zainab"],
  ["سلمى", "Salma"], ["آمنة", "Amna"], ["رقية", "Ruqaya"], ["حليمة", "Halima"], ["نادية", "Nadia"],
  ["ليلى", "Laila"], ["مبروكة", "Mabruka"], ["فوزية", "Fawzia"], ["نعيمة", "Naima"],
  ["سناء", "Sanaa"], ["منى", "Mona"],
]);

/**
 * Invented family names: nisbas made from plants and objects, chosen because they are not the
 * names of Tarhuna's families, tribes or armed groups. Never add a real one here.
 */
export const FAMILY_NAMES = names([
  ["الرماني", "Al-Rummani"], ["التيناوي", "Al-Tinawi"], ["الزيتوني", "Al-Zaytouni"],
  ["النخلاوي", "Al-Nakhlawi"], ["اللوزي", "Al-Lawzi"], ["الخوخي", "Al-Khokhi"],
  ["السرواني", "Al-Sarwani"], ["الصفصافي", "Al-Safsafi"], ["الياسميني", "Al-Yasmini"],
  ["النعناعي", "Al-Naanai"], ["الكرمالي", "Al-Karmali"], ["السنبلاوي", "Al-Sunbulawi"],
  ["القمحاوي", "Al-Qamhawi"], ["الشعيراوي", "Al-Shairawi"], ["العنبراني", "Al-Anbarani"],
  ["الحجراوي", "Al-Hajrawi"], ["الرمالي", "Al-Rimali"], ["الغيماوي", "Al-Ghaymawi"],
  ["النجماوي", "Al-Najmawi"], ["القمراني", "Al-Qamrani"], ["الوادياني", "Al-Wadiyani"],
  ["التلالي", "Al-Tilali"], ["السهلاوي", "Al-Sahlawi"], ["الينبوعي", "Al-Yanbui"],
  ["الغديراني", "Al-Ghadirani"], ["البيدراوي", "Al-Baydrawi"], ["المحراثي", "Al-Mihrathi"],
  ["الجرّاري", "Al-Jarrari"], ["القنطراوي", "Al-Qantrawi"], ["الفنّاري", "Al-Fannari"],
  ["السلالي", "Al-Silali"], ["الدلّاوي", "Al-Dallawi"], ["الخيماوي", "Al-Khaymawi"],
  ["الرحاوي", "Al-Rahawi"], ["الصنوبري", "Al-Sanawbari"], ["البلّوطي", "Al-Ballouti"],
]);

export interface ArabicName {
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
  nameLatin: string;
}

export type NamedSex = "male" | "female";

export function composeName(
  given: TransliteratedName,
  father: TransliteratedName,
  grandfather: TransliteratedName,
  family: TransliteratedName,
): ArabicName {
  return {
    givenName: given.ar,
    fatherName: father.ar,
    grandfatherName: grandfather.ar,
    familyName: family.ar,
    nameLatin: [given.latin, father.latin, grandfather.latin, family.latin].join(" "),
  };
}

/** A full four-part name; siblings pass their shared father and grandfather in. */
export function inventName(
  random: Random,
  sex: NamedSex,
  family: TransliteratedName,
  lineage: { father: TransliteratedName; grandfather: TransliteratedName } = {
    father: random.pick(MALE_GIVEN_NAMES),
    grandfather: random.pick(MALE_GIVEN_NAMES),
  },
): ArabicName {
  const given = random.pick(sex === "male" ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES);
  return composeName(given, lineage.father, lineage.grandfather, family);
}

/** The transliterated form of a name the lists hold; a random male name if it is not there. */
export function findName(random: Random, arabic: string): TransliteratedName {
  const all = [...MALE_GIVEN_NAMES, ...FEMALE_GIVEN_NAMES, ...FAMILY_NAMES];
  return all.find((name) => name.ar === arabic) ?? random.pick(MALE_GIVEN_NAMES);
}

export function fullArabicName(name: {
  givenName: string;
  fatherName?: string;
  grandfatherName?: string;
  familyName?: string;
}): string {
  return [name.givenName, name.fatherName, name.grandfatherName, name.familyName]
    .filter((part) => part !== undefined && part !== "")
    .join(" ");
}
