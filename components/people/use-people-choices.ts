"use client";

import { useTranslations } from "next-intl";
import { CONSENT_SCOPES, DONOR_RELATIONSHIPS, POLICE_REPORT_CATEGORIES, SEXES } from "@/lib/enum-values";

/** Enum values as select options, labelled in the page's language. */
export function usePeopleChoices() {
  const t = useTranslations("People");
  return {
    sexes: SEXES.map((value) => ({ value, label: t(`sexes.${value}`) })),
    relationships: DONOR_RELATIONSHIPS.map((value) => ({
      value,
      label: value === "spouse" ? `${t(`relationships.${value}`)} (${t("notGenetic")})` : t(`relationships.${value}`),
    })),
    categories: POLICE_REPORT_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) })),
    consentScopes: CONSENT_SCOPES.map((value) => ({ value, label: t(`consentScopes.${value}`) })),
  };
}
