"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/actions/result";

/** Printing takes personal data off the screen: the print is audited first, then the browser prints. */
export function PrintReceiptButton({ action, sampleId }: { action: (input: { sampleId: string }) => Promise<ActionResult<null>>; sampleId: string }) {
  const t = useTranslations("People");
  const [failure, setFailure] = useState<string | null>(null);
  const print = async () => {
    const result = await action({ sampleId });
    if (!result.ok) {
      setFailure(result.message);
      return;
    }
    window.print();
  };
  return (
    <div className="space-y-2 print:hidden">
      <FormMessage message={failure ? { kind: "error", key: failure } : null} />
      <button type="button" onClick={() => void print()} className="rounded bg-accent px-4 py-2 font-medium text-white" data-testid="print-receipt">
        {t("print")}
      </button>
    </div>
  );
}
