"use client";

import { useTranslations } from "next-intl";
import type { ImportProgress } from "@/lib/import/parse-file";

/** A bar that fills while saving; while reading, the row count grows (the total is not known yet). */
export function ImportProgressBar({ progress }: { progress: ImportProgress | null }) {
  const t = useTranslations("Import");
  const label =
    progress === null
      ? t("reading", { rows: 0 })
      : progress.phase === "check"
        ? t("checking")
        : progress.phase === "parse"
          ? t("reading", { rows: progress.rows })
          : t("saving", { saved: progress.saved, total: progress.total });
  const saving = progress?.phase === "save";
  return (
    <div className="space-y-1" role="status" data-testid="import-progress">
      <progress
        aria-label={t("progressLabel")}
        className="h-3 w-full"
        max={saving ? Math.max(progress.total, 1) : undefined}
        value={saving ? progress.saved : undefined}
      />
      <p className="text-sm text-muted">{label}</p>
    </div>
  );
}
