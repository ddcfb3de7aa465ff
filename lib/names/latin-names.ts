import { normaliseArabicName } from "./normalise-arabic";

/**
 * Common Libyan given names as passports, UN lists and foreign forms spell them in Latin letters.
 * A Latin word found here is compared with a stored Arabic part as that Arabic name (an exact
 * match, "✓"); any other Latin word only through its phonetic key (name-key.ts, "≈"). Only names
 * whose spellings do not also stand for another common name are listed ("Salim" could be سالم or
 * سليم, so it is left to the key).
 */
const SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  "محمد": ["mohamed", "mohammed", "muhammad", "mohammad", "muhammed", "mohamad", "mohd"],
  "أحمد": ["ahmed", "ahmad"],
  "محمود": ["mahmoud", "mahmud"],
  "علي": ["ali", "aly"],
  "عمر": ["omar", "umar", "omer"],
  "عثمان": ["othman", "osman", "uthman", "otman"],
  "مصطفى": ["mustafa", "mostafa", "moustafa", "mustapha"],
  "عبد الله": ["abdullah", "abdallah", "abdulla", "abdalla", "abdellah"],
  "عبد الرحمن": ["abdulrahman", "abdelrahman", "abdurrahman", "abdalrahman", "abderrahmane"],
  "عبد السلام": ["abdulsalam", "abdelsalam", "abdussalam", "abdessalem"],
  "سالم": ["salem"],
  "خالد": ["khaled", "khalid"],
  "يوسف": ["youssef", "yousef", "yusuf", "youssif", "yousif", "yussuf"],
  "إبراهيم": ["ibrahim", "ebrahim", "brahim"],
  "حسن": ["hassan", "hasan"],
  "حسين": ["hussein", "husain", "hussain", "hosein", "husayn", "houssein"],
  "إسماعيل": ["ismail", "ismael", "esmail"],
  "فتحي": ["fathi", "fathy", "fethi"],
  "رمضان": ["ramadan", "ramdan", "ramadhan"],
  "جمعة": ["jumaa", "juma", "jomaa", "jumah", "jomah"],
  "أسامة": ["osama", "usama", "ousama"],
  "مؤمن": ["moamen", "mumin", "moumen", "mumen"],
  "معاذ": ["moaz", "muadh", "muath", "moath"],
  "مفتاح": ["muftah", "miftah", "moftah"],
  "نوري": ["nouri", "nuri", "noori"],
  "بشير": ["bashir", "basheer", "bechir"],
  "سعيد": ["saeed", "saied", "saeid"],
  "منصور": ["mansour", "mansur", "mansoor"],
  "صالح": ["saleh", "salih", "salah"],
  "عادل": ["adel", "adil"],
  "طارق": ["tarek", "tariq", "tarik", "tareq"],
  "الطاهر": ["altaher", "eltaher", "taher", "tahir"],
  "الهادي": ["alhadi", "elhadi", "hadi"],
  "ميلاد": ["milad", "meelad"],
  "عمران": ["omran", "emran", "imran"],
  "وليد": ["walid", "waleed"],
  "هشام": ["hisham", "hesham"],
  "حمزة": ["hamza", "hamzah"],
  "يحيى": ["yahya", "yehia", "yahia"],
  "عيسى": ["issa", "eisa", "isa"],
  "موسى": ["mousa", "musa", "moussa"],
  "زكريا": ["zakaria", "zakariya", "zakariyya", "zakariyaa"],
  "بلال": ["bilal", "belal"],
  "أيوب": ["ayoub", "ayyub", "ayub"],
  "مراد": ["murad", "mourad"],
  "فرج": ["faraj", "farag"],
  "عائشة": ["aisha", "aicha", "ayesha", "aysha"],
  "فاطمة": ["fatima", "fatma", "fatimah", "fatema"],
  "خديجة": ["khadija", "khadeeja", "khadidja"],
  "مريم": ["maryam", "mariam", "meriem", "mariem"],
  "زينب": ["zainab", "zeinab", "zaynab"],
  "سعاد": ["souad", "suad", "soad"],
  "هدى": ["huda", "hoda", "houda"],
  "أسماء": ["asma", "asmaa"],
  "آمنة": ["amna", "amnah"],
  "رقية": ["ruqaya", "roqaya", "ruqayya", "rukaya"],
  "حليمة": ["halima", "halimah"],
  "نادية": ["nadia", "nadya"],
  "ليلى": ["laila", "leila", "layla"],
  "مبروكة": ["mabruka", "mabrouka"],
  "نعيمة": ["naima", "naeema"],
};

const ARABIC_BY_LATIN: ReadonlyMap<string, string> = new Map(
  Object.entries(SPELLINGS).flatMap(([arabic, spellings]) => spellings.map((latin) => [latin, normaliseArabicName(arabic)] as const)),
);

/** The normalised Arabic name a Latin spelling stands for ("Muhammad" → "محمد"), if it is listed. */
export function arabicForLatin(word: string): string | undefined {
  return ARABIC_BY_LATIN.get(word.toLowerCase().replace(/[^a-z]/g, ""));
}
