"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ActionFailure } from "@/lib/actions/result";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";

/** Fields that say nothing to the person comparing versions. */
const HIDDEN_FIELDS = new Set(["id", "createdAt", "updatedAt", "voidedAt", "voidedBy", "voidReason"]);

function displayValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** A refused save: who saved first, when, and the values they saved, next to the form's own. */
export function ConflictNotice({ conflict }: { conflict: ActionFailure["conflict"] | null }) {
  const t = useTranslations("Forensic");
  const locale = useLocale() as Locale;
  if (!conflict) return null;
  const values = typeof conflict.theirValues === "object" && conflict.theirValues !== null ? Object.entries(conflict.theirValues) : [];
  const date = conflict.changedAt ? formatDateTime(locale, conflict.changedAt) : "—";
  return (
    <div className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950" data-testid="conflict-notice">
      <p className="font-medium">{t("conflictBy", { name: conflict.changedBy || "—", date })}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {values
          .filter(([field]) => !HIDDEN_FIELDS.has(field))
          .map(([field, value]) => (
            <div key={field} className="contents">
              <dt className="font-mono text-xs">{field}</dt>
              <dd dir="auto" className="break-words">
                {displayValue(value)}
              </dd>
            </div>
          ))}
      </dl>
    </div>
  );
}
