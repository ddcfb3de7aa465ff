"use client";

import { useTranslations } from "next-intl";

/**
 * Translates a message key carried as data (a zod message, an action result). Field messages are
 * keys of the "Validation" namespace; other keys name their namespace ("Actions.forbidden").
 */
export function useMessage(): (key: string) => string {
  const t = useTranslations();
  return (key) => {
    const fullKey = key.includes(".") ? key : `Validation.${key}`;
    return t.has(fullKey as never) ? t(fullKey as never) : key;
  };
}
