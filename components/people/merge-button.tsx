"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import type { MergeValues } from "@/lib/people/schemas";

interface MergeButtonProps {
  action: (values: MergeValues) => Promise<ActionResult<{ survivorId: string }>>;
  values: MergeValues;
  survivorCaseNumber: string;
  mergedCaseNumber: string;
}

/** A merge cannot be undone by a click, so it is confirmed first and names both records. */
export function MergeButton({ action, values, survivorCaseNumber, mergedCaseNumber }: MergeButtonProps) {
  const t = useTranslations("People");
  const router = useRouter();
  const [outcome, setOutcome] = useState<{ kind: "error" | "success"; key: string } | null>(null);
  const merge = async () => {
    if (!window.confirm(t("mergeConfirm", { survivor: survivorCaseNumber, merged: mergedCaseNumber }))) return;
    const result = await action(values);
    if (result.ok) setOutcome({ kind: "success", key: "People.merged" });
    else setOutcome({ kind: result.error === "awaitingApproval" ? "success" : "error", key: result.message });
    if (result.ok) router.refresh();
  };
  return (
    <div className="space-y-1">
      <FormMessage message={outcome} />
      <button type="button" onClick={() => void merge()} className="rounded border border-line px-3 py-1 text-sm">
        {t("merge")}
      </button>
    </div>
  );
}
