"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { refuseRequestValuesSchema, type RefuseRequestValues } from "@/lib/approvals/decision-values";
import { useRouter } from "@/lib/i18n/navigation";

interface DecideRequestProps {
  requestId: string;
  actionLabel: string;
  approve: (input: { requestId: string }) => Promise<ActionResult<{ requestId: string }>>;
  refuse: (input: RefuseRequestValues) => Promise<ActionResult<{ requestId: string }>>;
}

/** Approve (confirmed first: the step is carried out at once) or refuse with a reason. */
export function DecideRequest({ requestId, actionLabel, approve, refuse }: DecideRequestProps) {
  const t = useTranslations("Approvals");
  const router = useRouter();
  const [approval, setApproval] = useState<{ kind: "error" | "success"; key: string } | null>(null);
  const [approving, setApproving] = useState(false);
  const { form, submit, outcome } = useActionForm({
    schema: refuseRequestValuesSchema,
    action: refuse,
    defaultValues: { requestId, reason: "" },
    successKey: "Approvals.refused",
    onSuccess: () => router.refresh(),
  });
  const approveNow = async () => {
    if (!window.confirm(t("approveConfirm", { action: actionLabel }))) return;
    setApproving(true);
    try {
      const result = await approve({ requestId });
      setApproval(result.ok ? { kind: "success", key: "Approvals.approved" } : { kind: "error", key: result.message });
      if (result.ok) router.refresh();
    } catch {
      setApproval({ kind: "error", key: "Actions.unexpected" });
    } finally {
      setApproving(false);
    }
  };
  return (
    <div className="space-y-3">
      <FormMessage message={approval} />
      <button
        type="button"
        onClick={() => void approveNow()}
        disabled={approving}
        aria-busy={approving}
        className="rounded bg-accent px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60"
        data-testid="approve-request"
      >
        {t("approve")}
      </button>
      <HydratedForm onSubmit={submit} noValidate className="space-y-2" data-testid="refuse-request-form">
        <FormMessage message={outcome} />
        <TextInput id={`refuse-reason-${requestId}`} label={t("refuseReason")} registration={form.register("reason")} error={form.formState.errors.reason?.message} />
        <SubmitButton label={t("refuse")} submitting={form.formState.isSubmitting} />
      </HydratedForm>
    </div>
  );
}
