"use client";

import { useTranslations } from "next-intl";

/**
 * What the reporter is told once the report is in the queue: its reference and what happens next.
 * The same words whoever the report names, on file or not; a family reference and access code come
 * only from the office, never on this page.
 */
export function ReportReceipt({ reference }: { reference: string }) {
  const t = useTranslations("OnlineReport");
  return (
    <section role="status" className="space-y-4 rounded border-2 border-emerald-400 bg-emerald-50 p-4" data-testid="report-receipt">
      <h2 className="text-xl font-semibold">{t("receivedTitle")}</h2>
      <p>{t("receivedReference")}</p>
      <p className="text-2xl font-semibold tracking-wide" dir="ltr" data-testid="report-reference">{reference}</p>
      <p>{t("receivedKeep")}</p>
      <p>{t("receivedNext")}</p>
      <p>{t("receivedAccessCode")}</p>
    </section>
  );
}
