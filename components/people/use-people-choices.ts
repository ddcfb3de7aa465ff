"use client";

import { useTranslations } from "next-intl";
import { consentScope, donorRelationship, policeReportCategory, sex } from "@/db/schema/enums";

/** Enum values as select options, labelled in the page's language. */
export function usePeopleChoices() {
  const t = useTranslations("People");
  return {
    sexes: sex.enumValues.map((value) => ({ value, label: t(`sexes.${value}`) })),
    relationships: donorRelationship.enumValues.map((value) => ({
      value,
      label: value === "spouse" ? `${t(`relationships.${value}`)} (${t("notGenetic")})` : t(`relationships.${value}`),
    })),
    categories: policeReportCategory.enumValues.map((value) => ({ value, label: t(`categories.${value}`) })),
    consentScopes: consentScope.enumValues.map((value) => ({ value, label: t(`consentScopes.${value}`) })),
  };
}
