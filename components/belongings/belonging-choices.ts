"use client";

import { useTranslations } from "next-intl";
import { BELONGING_CATEGORIES, BELONGING_COLOURS, BELONGING_MATERIALS } from "@/lib/belongings/vocabulary";

/** The Book of Belongings' vocabularies as select options, in the page's language. */
export function useBelongingChoices() {
  const t = useTranslations("Belongings");
  return {
    categories: BELONGING_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })),
    colours: BELONGING_COLOURS.map((value) => ({ value, label: t(`colours.${value}`) })),
    materials: BELONGING_MATERIALS.map((value) => ({ value, label: t(`materials.${value}`) })),
  };
}
