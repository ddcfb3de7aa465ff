"use client";

import { useTranslations } from "next-intl";

/** Prints the page as it stands (the print styles leave the staff navigation out). */
export function PrintPageButton() {
  const t = useTranslations("Identifications");
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-accent px-4 py-2 font-medium text-white print:hidden" data-testid="print-page">
      {t("print")}
    </button>
  );
}
