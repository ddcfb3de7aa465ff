"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/forms/use-message";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import type { FrequencyApprovalValues } from "@/lib/dna-profiles/schemas";

export interface PendingTableView {
  id: string;
  name: string;
  sha256: string;
  loadedBy: string;
  loadedAt: string;
  /** The viewer loaded it: a second forensic user must approve. */
  own: boolean;
}

/** Tables waiting for a second forensic user; none changes a ratio until approved. */
export function PendingFrequencyTables({ tables, action }: { tables: readonly PendingTableView[]; action: (values: FrequencyApprovalValues) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations("Kinship");
  const message = useMessage();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; key: string } | null>(null);
  if (tables.length === 0) return null;
  const approve = (tableId: string) =>
    startTransition(async () => {
      const result = await action({ tableId });
      setOutcome(result.ok ? { ok: true, key: "Kinship.tableApproved" } : { ok: false, key: result.message });
    });
  return (
    <section className="space-y-3" aria-labelledby="pending-tables-title" data-testid="pending-frequency-tables">
      <h2 id="pending-tables-title" className="text-lg font-semibold">{t("pendingTablesTitle")}</h2>
      <p className="text-muted">{t("pendingTablesIntro")}</p>
      {outcome && <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? "" : "font-medium text-red-800"}>{message(outcome.key)}</p>}
      <ul className="space-y-3">
        {tables.map((table) => (
          <li key={table.id} className="space-y-1 rounded border border-line p-3">
            <p className="font-medium">{table.name}</p>
            <p className="text-sm">{t("pendingTableLoaded", { by: table.loadedBy, at: table.loadedAt })}</p>
            <p className="text-sm">
              SHA-256 <bdi dir="ltr" className="break-all font-mono">{table.sha256}</bdi>
            </p>
            {table.own ? (
              <p className="text-sm text-muted">{t("pendingTableOwn")}</p>
            ) : (
              <button type="button" disabled={pending} onClick={() => approve(table.id)} className={primaryButtonClassName}>
                {t("approveTable")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
