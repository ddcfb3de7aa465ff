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

/** "" from an empty input is no number at all; zod then names the field's own message. */
export const numberOrNaN = (value: unknown) => (value === "" || value === null ? Number.NaN : Number(value));
export const numberOrNull = (value: unknown) => (value === "" || value === null ? null : Number(value));
