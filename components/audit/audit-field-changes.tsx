import { getTranslations } from "next-intl/server";
import { auditFieldChanges } from "@/lib/audit/changes";

interface AuditFieldChangesProps {
  before: unknown;
  after: unknown;
}

function jsonText(value: unknown): string {
  return JSON.stringify(value ?? null, null, 2);
}

/** The fields a change touched at a glance, and the whole before/after on request. */
export async function AuditFieldChanges({ before, after }: AuditFieldChangesProps) {
  const t = await getTranslations("Audit.table");
  if (before === null && after === null) return null;
  const changes = auditFieldChanges(before, after);
  return (
    <div className="space-y-1">
      {changes !== null &&
        (changes.length === 0 ? (
          <p className="text-muted">{t("noFieldChanges")}</p>
        ) : (
          <ul dir="ltr" className="space-y-0.5 text-start font-mono text-xs" data-ltr-block>
            {changes.map((change) => (
              <li key={change.field} className="break-all">
                <span className="font-semibold">{change.field}</span>: {change.before ?? t("absent")} → {change.after ?? t("absent")}
              </li>
            ))}
          </ul>
        ))}
      <details>
        <summary className="cursor-pointer text-accent">{t("fullRecord")}</summary>
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          {(["before", "after"] as const).map((side) => (
            <div key={side}>
              <p className="font-medium">{t(side)}</p>
              <pre dir="ltr" className="max-h-64 overflow-auto rounded bg-paper p-2 text-start text-xs">
                {jsonText(side === "before" ? before : after)}
              </pre>
            </div>
          ))}
        </div>
      </details>
    </div>
  );
}
