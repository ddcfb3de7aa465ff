"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useMessage } from "@/components/forms/use-message";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";

/** Starts the sampling refresh of the stale families from the work list page; a second start while one runs is refused with its reason. */
export function StartSamplingRefresh({ action, running }: { action: (values: { scope: "stale" }) => Promise<ActionResult<unknown>>; running: boolean }) {
  const t = useTranslations("Kinship.worklist");
  const message = useMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; key: string } | null>(null);
  const start = () =>
    startTransition(async () => {
      const result = await action({ scope: "stale" });
      setOutcome(result.ok ? { ok: true, key: "Kinship.worklist.started" } : { ok: false, key: result.message });
      router.refresh();
    });
  return (
    <div className="space-y-2 print:hidden" data-testid="sampling-refresh-start">
      <button type="button" disabled={pending} onClick={start} className={primaryButtonClassName}>
        {running ? t("startAgain") : t("start")}
      </button>
      {outcome && (
        <p role={outcome.ok ? "status" : "alert"} className={outcome.ok ? "" : "font-medium text-red-800"} data-testid="sampling-refresh-outcome">
          {message(outcome.key)}
        </p>
      )}
    </div>
  );
}
