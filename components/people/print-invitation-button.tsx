"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/actions/result";

/** The letter names the family's missing relatives: the print is audited first, then the browser prints. */
export function PrintInvitationButton({ action, donorId }: { action: (input: { donorId: string }) => Promise<ActionResult<null>>; donorId: string }) {
  const t = useTranslations("People");
  const [failure, setFailure] = useState<string | null>(null);
  const print = async () => {
    const result = await action({ donorId });
    if (!result.ok) {
      setFailure(result.message);
      return;
    }
    window.print();
  };
  return (
    <div className="space-y-2 print:hidden">
      <FormMessage message={failure ? { kind: "error", key: failure } : null} />
      <button type="button" onClick={() => void print()} className="rounded bg-accent px-4 py-2 font-medium text-white" data-testid="print-invitation">
        {t("invitation.print")}
      </button>
    </div>
  );
}
