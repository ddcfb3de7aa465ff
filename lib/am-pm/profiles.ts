/*
 * The comparable profile of each side, built from the stored rows. Pure: the queries load the rows,
 * these functions decide what each field means to the comparison (docs/AM-PM.md).
 */
import { CATEGORY_OF_EFFECT_KIND, type BelongingCategory, type BelongingColour, type BelongingMaterial } from "@/lib/belongings/vocabulary";
import type { PersonalEffectKind, Sex } from "@/lib/enum-values";
import type { ComparableProfile } from "./comparison";
import type { BelongingItem, MarkItem, MedicalItem, ToothItem } from "./schemas";

interface StructuredLists {
  marks: MarkItem[];
  teeth: ToothItem[];
  medical: MedicalItem[];
  belongings: BelongingItem[];
}

export interface PersonFacts {
  sex: Sex;
  birthYear: number | null;
  lastSeenOn: string | null;
}

export interface AntemortemFacts extends StructuredLists {
  ageAtDisappearance: number | null;
  heightMinCm: number | null;
  heightMaxCm: number | null;
}

/** The age the family gives; else the year last seen minus the birth year (one year either way: birthdays are unknown). */
function ageRange(person: PersonFacts, record: AntemortemFacts): { ageMin: number | null; ageMax: number | null } {
  if (record.ageAtDisappearance !== null) return { ageMin: record.ageAtDisappearance, ageMax: record.ageAtDisappearance };
  if (person.birthYear === null || person.lastSeenOn === null) return { ageMin: null, ageMax: null };
  const years = Number(person.lastSeenOn.slice(0, 4)) - person.birthYear;
  return { ageMin: years - 1, ageMax: years };
}

export function antemortemProfile(person: PersonFacts, record: AntemortemFacts): ComparableProfile {
  return {
    sex: person.sex,
    ...ageRange(person, record),
    statureMin: record.heightMinCm,
    statureMax: record.heightMaxCm ?? record.heightMinCm,
    marks: record.marks,
    teeth: record.teeth,
    medical: record.medical,
    belongings: record.belongings,
  };
}

export interface BodyFacts {
  estimatedSex: Sex;
  ageMin: number | null;
  ageMax: number | null;
}

export interface PostmortemFacts extends StructuredLists {
  statureMinCm: number | null;
  statureMaxCm: number | null;
}

const NO_LISTS: PostmortemFacts = { statureMinCm: null, statureMaxCm: null, marks: [], teeth: [], medical: [], belongings: [] };

/** An effect recorded with the body: its catalogue words where staff gave them (migration 0030). */
export interface RecordedEffect {
  kind: PersonalEffectKind;
  category: BelongingCategory | null;
  colour: BelongingColour | null;
  material: BelongingMaterial | null;
}

/**
 * A body's profile: sex and age from the body's record, the rest from its PM record (if any). Effects
 * recorded with the body count with the category, colour and material the catalogue gives them;
 * where none was given, by the category of their kind, colour and material unknown.
 */
export function postmortemProfile(body: BodyFacts, record: PostmortemFacts | null, effects: readonly RecordedEffect[]): ComparableProfile {
  const found = record ?? NO_LISTS;
  const fromEffects = effects.map((effect) => ({
    category: effect.category ?? CATEGORY_OF_EFFECT_KIND[effect.kind],
    colour: effect.colour ?? "unknown",
    material: effect.material ?? "unknown",
    description: "",
  }));
  return {
    sex: body.estimatedSex,
    ageMin: body.ageMin,
    ageMax: body.ageMax,
    statureMin: found.statureMinCm,
    statureMax: found.statureMaxCm,
    marks: found.marks,
    teeth: found.teeth,
    medical: found.medical,
    belongings: [...found.belongings, ...fromEffects],
  };
}
