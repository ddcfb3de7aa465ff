"use client";

import { useTranslations } from "next-intl";
import { BODY_REGIONS, BUILDS, EYE_COLOURS, MARK_TYPES, MEDICAL_FINDING_KINDS, TOOTH_CONDITIONS } from "@/lib/am-pm/vocabulary";
import { BELONGING_CATEGORIES, BELONGING_COLOURS, BELONGING_MATERIALS } from "@/lib/belongings/vocabulary";

export interface Choice {
  value: string;
  label: string;
}

/** The AM/PM vocabularies as select options, in the page's language. */
export function useAmPmChoices() {
  const t = useTranslations("AmPm");
  const belongings = useTranslations("Belongings");
  return {
    builds: BUILDS.map((value) => ({ value, label: t(`builds.${value}`) })),
    eyeColours: EYE_COLOURS.map((value) => ({ value, label: t(`eyeColours.${value}`) })),
    markTypes: MARK_TYPES.map((value) => ({ value, label: t(`markTypes.${value}`) })),
    regions: BODY_REGIONS.map((value) => ({ value, label: t(`regions.${value}`) })),
    toothConditions: TOOTH_CONDITIONS.map((value) => ({ value, label: t(`toothConditions.${value}`) })),
    findingKinds: MEDICAL_FINDING_KINDS.map((value) => ({ value, label: t(`findingKinds.${value}`) })),
    categories: BELONGING_CATEGORIES.map((value) => ({ value, label: belongings(`categories.${value}`) })),
    colours: BELONGING_COLOURS.map((value) => ({ value, label: belongings(`colours.${value}`) })),
    materials: BELONGING_MATERIALS.map((value) => ({ value, label: belongings(`materials.${value}`) })),
  };
}
