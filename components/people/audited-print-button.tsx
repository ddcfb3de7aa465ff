"use client";

import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import type { ActionResult } from "@/lib/actions/result";

/**
 * Printing takes personal data off the screen: the print is audited first (the action), then the
 * browser prints. A refusal is shown instead, and nothing is printed.
 */
export function AuditedPrintButton<Input>({ action, input, label, testId }: { action: (input: Input) => Promise<ActionResult<null>>; input: Input; label: string; testId: string }) {
  const [failure, setFailure] = useState<string | null>(null);
  const print = async () => {
    const result = await action(input);
    if (!result.ok) {
      setFailure(result.message);
      return;
    }
    window.print();
  };
  return (
    <div className="space-y-2 print:hidden">
      <FormMessage message={failure ? { kind: "error", key: failure } : null} />
      <button type="button" onClick={() => void print()} className="rounded bg-accent px-4 py-2 font-medium text-white" data-testid={testId}>
        {label}
      </button>
    </div>
  );
}
