import type { PlannedIdentification } from "./generate-identifications";
import type { EffectKind } from "./identification-plan";
import { CATEGORY_OF_EFFECT_KIND, type BelongingCategory, type BelongingColour, type BelongingMaterial } from "@/lib/belongings/vocabulary";
import { fullArabicName } from "./names";
import type { Random } from "./random";
import type { PersonalEffectRow, RemainsRow } from "./types";

const DESCRIPTIONS: Readonly<Record<EffectKind, readonly string[]>> = {
  identity_document: [
    "بطاقة هوية شخصية متضررة بالرطوبة، الاسم مقروء جزئياً",
    "رخصة قيادة في محفظة جلدية بنية",
    "جواز سفر تالف الغلاف",
  ],
  car_key: [
    "مفتاح سيارة تويوتا مع ميدالية جلدية سوداء",
    "مفتاح سيارة هيونداي مع حلقة معدنية",
    "مفتاحا سيارة ومنزل في حلقة واحدة",
  ],
  phone: ["هاتف محمول نوكيا أسود بغطاء مكسور", "هاتف ذكي بشاشة محطمة دون بطاقة اتصال"],
  clothing: [
    "قميص أزرق مخطط وبنطال رمادي",
    "جرد (لباس تقليدي) أبيض وحذاء جلدي",
    "سترة رياضية خضراء",
    "قميص أبيض وسروال عربي",
  ],
  jewellery: ["خاتم فضي محفور عليه حرفان", "ساعة يد معدنية متوقفة", "سلسلة ذهبية رفيعة"],
  other: ["سبحة خشبية", "محفظة جلدية فيها أوراق متحللة", "ولاعة وعلبة سجائر"],
};

/** How each demo description looks in the Book of Belongings' words (category, colour, material). */
const LOOKS: Readonly<Record<string, readonly [BelongingCategory, BelongingColour, BelongingMaterial]>> = {
  "بطاقة هوية شخصية متضررة بالرطوبة، الاسم مقروء جزئياً": ["identity_document", "green", "plastic"],
  "رخصة قيادة في محفظة جلدية بنية": ["identity_document", "brown", "leather"],
  "جواز سفر تالف الغلاف": ["identity_document", "green", "paper"],
  "مفتاح سيارة تويوتا مع ميدالية جلدية سوداء": ["keys", "black", "metal"],
  "مفتاح سيارة هيونداي مع حلقة معدنية": ["keys", "silver", "metal"],
  "مفتاحا سيارة ومنزل في حلقة واحدة": ["keys", "silver", "metal"],
  "هاتف محمول نوكيا أسود بغطاء مكسور": ["phone", "black", "plastic"],
  "هاتف ذكي بشاشة محطمة دون بطاقة اتصال": ["phone", "black", "glass"],
  "قميص أزرق مخطط وبنطال رمادي": ["clothing_upper", "blue", "cotton"],
  "جرد (لباس تقليدي) أبيض وحذاء جلدي": ["outerwear", "white", "wool"],
  "سترة رياضية خضراء": ["outerwear", "green", "synthetic"],
  "قميص أبيض وسروال عربي": ["clothing_upper", "white", "cotton"],
  "خاتم فضي محفور عليه حرفان": ["ring", "silver", "silver"],
  "ساعة يد معدنية متوقفة": ["watch", "silver", "metal"],
  "سلسلة ذهبية رفيعة": ["jewellery", "gold", "gold"],
  "سبحة خشبية": ["prayer_beads", "brown", "wood"],
  "محفظة جلدية فيها أوراق متحللة": ["wallet", "brown", "leather"],
  "ولاعة وعلبة سجائر": ["other", "multicoloured", "plastic"],
};

const EFFECT_KINDS = Object.keys(DESCRIPTIONS) as EffectKind[];

/** About forty bodies carry something; every kind of effect occurs at least once. */
const BODIES_WITH_EFFECTS = 40;

function effect(random: Random, remainsId: string, kind: EffectKind, description?: string): PersonalEffectRow {
  const text = description ?? random.pick(DESCRIPTIONS[kind]);
  const [category, colour, material] = LOOKS[text] ?? [CATEGORY_OF_EFFECT_KIND[kind], "unknown", "unknown"];
  return { id: random.uuid(), remainsId, kind, description: text, category, colour, material };
}

/** The effects an identification rests on; an identity document names the person it identifies. */
function plannedEffects(random: Random, plans: readonly PlannedIdentification[]): PersonalEffectRow[] {
  return plans.flatMap(({ spec, remains, person }) => {
    if (!spec.effect) return [];
    const description =
      spec.effect === "identity_document" ? `بطاقة هوية شخصية باسم ${fullArabicName(person)}` : undefined;
    return [effect(random, remains.id, spec.effect, description)];
  });
}

export function buildPersonalEffects(
  random: Random,
  remains: readonly RemainsRow[],
  plans: readonly PlannedIdentification[],
): PersonalEffectRow[] {
  const effects = plannedEffects(random, plans);
  const withEffects = new Set(effects.map((row) => row.remainsId));
  const candidates = remains.filter((body) => !plans.some((plan) => plan.remains.id === body.id));
  let kindIndex = 0;
  while (withEffects.size < BODIES_WITH_EFFECTS) {
    const body = random.pick(candidates);
    if (withEffects.has(body.id)) continue;
    withEffects.add(body.id);
    const count = random.chance(0.3) ? 2 : 1;
    for (let item = 0; item < count; item += 1) {
      const kind = EFFECT_KINDS[kindIndex % EFFECT_KINDS.length] ?? "other";
      kindIndex += 1;
      effects.push(effect(random, body.id, kind));
    }
  }
  return effects;
}
