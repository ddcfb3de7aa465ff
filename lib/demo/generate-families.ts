import { buildNameSearch } from "@/lib/names/normalise-arabic";
import { randomDateBetween } from "./dates";
import { FAMILY_NAMES, MALE_GIVEN_NAMES, fullArabicName, inventName, type NamedSex } from "./names";
import type { Random } from "./random";
import type { FamilyRow, MissingPersonRow } from "./types";

export const FAMILY_COUNT = 342;

/** Families whose disappeared number seven, as some Tarhuna families' do. */
const FAMILIES_OF_SEVEN = new Set([17, 203]);
const MISSING_PER_FAMILY = [[1, 80], [2, 12], [3, 5], [4, 3]] as const;

const AREAS = ["وسط المدينة", "الحي الشرقي", "الحي الغربي", "المنطقة الشمالية", "المنطقة الجنوبية", "الضواحي الريفية"];

const LAST_SEEN_PLACES = [
  "منزل الأسرة",
  "نقطة تفتيش على الطريق الرئيسي",
  "السوق",
  "مزرعة الأسرة",
  "مكان العمل",
  "الطريق إلى طرابلس",
  "المسجد",
];

const CIRCUMSTANCES = [
  "اقتاده مسلحون من منزله ليلاً ولم يعد.",
  "أوقف عند نقطة تفتيش ولم تعرف أسرته مكانه بعد ذلك.",
  "خرج إلى عمله ولم يعد، ووجدت سيارته لاحقاً على جانب الطريق.",
  "اعتقل مع أقارب له في مداهمة للمنزل.",
  "انقطع الاتصال به بعد أن أبلغ أسرته بأنه في طريقه إلى البيت.",
];

export interface FamilyWithMembers {
  family: FamilyRow;
  missingPersons: MissingPersonRow[];
}

function missingCount(random: Random, familyIndex: number): number {
  return FAMILIES_OF_SEVEN.has(familyIndex) ? 7 : random.weighted(MISSING_PER_FAMILY);
}

/** Mostly men and youths, as in the registers; some women and children. */
function birthYear(random: Random): number {
  return random.chance(0.04) ? random.int(2005, 2012) : random.int(1948, 2004);
}

function buildFamily(random: Random, index: number): FamilyWithMembers {
  const familyName = random.pick(FAMILY_NAMES);
  const lineage = { father: random.pick(MALE_GIVEN_NAMES), grandfather: random.pick(MALE_GIVEN_NAMES) };
  const familyId = random.uuid();
  const reference = `TRH-F-${String(index + 1).padStart(4, "0")}`;
  const missingPersons = Array.from({ length: missingCount(random, index) }, (): MissingPersonRow => {
    const sex: NamedSex = random.chance(0.9) ? "male" : "female";
    const name = inventName(random, sex, familyName, lineage);
    return {
      id: random.uuid(),
      caseNumber: "",
      familyId,
      ...name,
      nameSearch: buildNameSearch(name),
      sex,
      birthYear: birthYear(random),
      lastSeenOn: randomDateBetween(random, "2019-04-04", "2020-06-04"),
      lastSeenPlace: random.pick(LAST_SEEN_PLACES),
      circumstances: random.pick(CIRCUMSTANCES),
      status: "missing",
    };
  });
  const contact = inventName(random, "male", familyName, { father: lineage.father, grandfather: lineage.grandfather });
  const family: FamilyRow = {
    id: familyId,
    reference,
    contactName: fullArabicName(contact),
    phone: `+218 90 000 ${String(1000 + index).padStart(4, "0")}`,
    area: random.pick(AREAS),
  };
  return { family, missingPersons };
}

/** Case numbers follow the family order, as a registrar entering family by family would give them. */
export function buildFamilies(random: Random): FamilyWithMembers[] {
  const families = Array.from({ length: FAMILY_COUNT }, (_, index) => buildFamily(random, index));
  let caseSequence = 0;
  for (const { missingPersons } of families) {
    for (const person of missingPersons) {
      caseSequence += 1;
      person.caseNumber = `TRH-MP-${String(caseSequence).padStart(5, "0")}`;
    }
  }
  return families;
}
