"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";

interface SignInLockPanelProps {
  familyId: string;
  waitingAddresses: number;
  /** When the last wait ends, already written in the page's language and time zone. */
  waitUntil: string | null;
  recentFailures: number;
  action: (input: { familyId: string }) => Promise<ActionResult<{ lifted: number }>>;
}

/** Whether wrong codes keep connections waiting at the family's reference, and a button to lift the waits. */
export function SignInLockPanel({ familyId, waitingAddresses, waitUntil, recentFailures, action }: SignInLockPanelProps) {
  const t = useTranslations("FamilyPortal.staff");
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "error" | "success"; key: string } | null>(null);
  const [pending, setPending] = useState(false);
  const lift = async () => {
    setPending(true);
    const result = await action({ familyId });
    setPending(false);
    setMessage(result.ok ? { kind: "success", key: "FamilyPortal.staff.lockLifted" } : { kind: "error", key: result.message });
    if (result.ok) router.refresh();
  };
  return (
    <div className="space-y-3" data-testid="sign-in-lock-panel">
      <FormMessage message={message} />
      <p>{waitingAddresses > 0 && waitUntil ? t("lockWaiting", { addresses: waitingAddresses, time: waitUntil }) : t("lockNone")}</p>
      {recentFailures > 0 && <p className="text-muted">{t("lockFailures", { count: recentFailures })}</p>}
      {recentFailures > 0 && (
        <button type="button" disabled={pending} onClick={() => void lift()} className={primaryButtonClassName} data-testid="lift-sign-in-lock">
          {pending ? t("lockLifting") : t("lockLift")}
        </button>
      )}
    </div>
  );
}
