"use client";

import { useTranslations } from "next-intl";
import { CUSTODY_ACTIONS, GRAVE_SITE_STATUSES, PERSONAL_EFFECT_KINDS, REMAINS_CONDITIONS, SEXES } from "@/lib/forensic/vocabulary";

/** The forensic vocabularies as select options, in the page's language. */
export function useForensicChoices() {
  const forensic = useTranslations("Forensic");
  const statuses = useTranslations("SiteStatus");
  const custody = useTranslations("Custody.actions");
  return {
    statuses: GRAVE_SITE_STATUSES.map((value) => ({ value, label: statuses(value) })),
    sexes: SEXES.map((value) => ({ value, label: forensic(`sexes.${value}`) })),
    conditions: REMAINS_CONDITIONS.map((value) => ({ value, label: forensic(`conditions.${value}`) })),
    effectKinds: PERSONAL_EFFECT_KINDS.map((value) => ({ value, label: forensic(`effectKinds.${value}`) })),
    custodyActions: CUSTODY_ACTIONS.map((value) => ({ value, label: custody(value) })),
  };
}

export { numberOrNaN, numberOrNull } from "@/components/forms/number-values";
