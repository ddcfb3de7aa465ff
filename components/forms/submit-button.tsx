"use client";

import { useTranslations } from "next-intl";

/** The form's submit button: disabled while saving, and says so (announced to screen readers). */
export function SubmitButton({ label, submitting }: { label: string; submitting: boolean }) {
  const t = useTranslations("Forensic");
  return (
    <button
      type="submit"
      disabled={submitting}
      aria-busy={submitting}
      className="rounded bg-accent px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60"
    >
      {submitting ? t("saving") : label}
    </button>
  );
}
