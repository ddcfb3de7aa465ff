import { useTranslations } from "next-intl";

/**
 * Shown while a staff page loads. Deliberately not at the language level: a loading boundary there
 * would wrap the public page too, which would then arrive hidden behind the fallback and need a
 * script to appear — the figures must show at the first paint, even without JavaScript.
 */
export default function Loading() {
  const t = useTranslations("Loading");
  return (
    <p role="status" aria-live="polite" className="py-12 text-center text-muted">
      {t("label")}
    </p>
  );
}
