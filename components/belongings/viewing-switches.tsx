"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useHydrated } from "@/components/forms/hydrated-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";

type Outcome = { kind: "error" | "success"; key: string } | null;

/** A button that runs one action and then goes somewhere (or refreshes): open or end a viewing session, switch remote viewing. */
function ActionButton<Data>({ label, run, then, testId }: { label: string; run: () => Promise<ActionResult<Data>>; then: (data: Data) => string | null; testId: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  async function click() {
    setBusy(true);
    try {
      const result = await run();
      if (!result.ok) return setOutcome({ kind: "error", key: result.message });
      const next = then(result.data);
      if (next) router.push(next);
      else router.refresh();
    } catch {
      setOutcome({ kind: "error", key: "Actions.unexpected" });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="space-y-2">
      <button type="button" disabled={!hydrated || busy} onClick={() => void click()} className="rounded border border-line px-4 py-2 font-medium disabled:opacity-60" data-testid={testId}>
        {label}
      </button>
      <FormMessage message={outcome} />
    </div>
  );
}

export function OpenViewingButton({ familyId, open }: { familyId: string; open: (input: { familyId: string }) => Promise<ActionResult<{ viewingSessionId: string }>> }) {
  const t = useTranslations("Belongings.viewing");
  return <ActionButton label={t("open")} run={() => open({ familyId })} then={(data) => `/staff/belongings/viewing/${data.viewingSessionId}`} testId="open-viewing" />;
}

export function EndViewingButton({ viewingSessionId, familyId, close }: { viewingSessionId: string; familyId: string; close: (input: { viewingSessionId: string }) => Promise<ActionResult<{ viewingSessionId: string }>> }) {
  const t = useTranslations("Belongings.viewing");
  return <ActionButton label={t("end")} run={() => close({ viewingSessionId })} then={() => `/staff/families/${familyId}`} testId="end-viewing" />;
}

export function RemoteViewingSwitch({ familyId, on, set }: { familyId: string; on: boolean; set: (input: { familyId: string; remoteViewing: boolean }) => Promise<ActionResult<{ remoteViewing: boolean }>> }) {
  const t = useTranslations("Belongings.remote");
  return (
    <div className="space-y-2" data-testid="remote-viewing">
      <p>{on ? t("on") : t("off")}</p>
      <ActionButton label={on ? t("switchOff") : t("switchOn")} run={() => set({ familyId, remoteViewing: !on })} then={() => null} testId="remote-viewing-switch" />
    </div>
  );
}
