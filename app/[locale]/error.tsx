"use client";

import { useTranslations } from "next-intl";

/** A calm message and a way forward; never a stack trace or a technical detail. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("Errors");
  return (
    <section role="alert" className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-4 text-muted">{t("body")}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded bg-accent px-4 py-2 text-white hover:opacity-90"
      >
        {t("retry")}
      </button>
    </section>
  );
}
