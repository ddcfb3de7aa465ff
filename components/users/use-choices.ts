"use client";

import { useTranslations } from "next-intl";
import { USER_LOCALES, USER_ROLES } from "@/lib/users/schemas";

/** The roles as select options, named as the staff navigation names them. */
export function useRoleChoices() {
  const roles = useTranslations("Staff.roles");
  return USER_ROLES.map((role) => ({ value: role, label: roles(role) }));
}

export function useLocaleChoices() {
  const locales = useTranslations("Users.locales");
  return USER_LOCALES.map((locale) => ({ value: locale, label: locales(locale) }));
}
