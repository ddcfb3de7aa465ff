"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { TextInput } from "@/components/forms/text-input";
import { dangerButtonClassName } from "@/components/users/button-class";
import { ConfirmDialog } from "@/components/users/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { reasonedStepSchema, type ReasonedStepValues } from "@/lib/identifications/schemas";
import { useStepForm } from "./use-step-form";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface ReasonStepProps {
  kind: "reject" | "retract";
  identification: { id: string; version: number };
  action: (values: ReasonedStepValues) => Promise<ActionResult<unknown>>;
}

const TEXTS = {
  reject: { button: "reject", question: "rejectQuestion", done: "Identifications.rejectedDone" },
  retract: { button: "retract", question: "retractQuestion", done: "Identifications.retractedDone" },
} as const;

/** Rejecting a proposal or retracting an identification: a reason, then a confirmation. */
export function ReasonStep({ kind, identification, action }: ReasonStepProps) {
  const t = useTranslations("Identifications");
  const texts = TEXTS[kind];
  const { form, outcome, dialog, askFirst, submitConfirmed } = useStepForm({
    schema: reasonedStepSchema,
    action,
    defaultValues: { identificationId: identification.id, version: identification.version, reason: "" },
    successKey: texts.done,
  });
  return (
    <HydratedForm onSubmit={askFirst} noValidate className="space-y-3" data-testid={`${kind}-identification-form`}>
      <FormMessage message={outcome} />
      <TextInput id={`${kind}-reason`} label={t("reason")} required multiline registration={form.register("reason")} error={form.formState.errors.reason?.message} />
      <button type="submit" disabled={form.formState.isSubmitting} className={dangerButtonClassName}>
        {t(texts.button)}
      </button>
      <ConfirmDialog id={`${kind}-identification`} dialogRef={dialog} question={t(texts.question)} confirmLabel={t(texts.button)} onConfirm={submitConfirmed} />
    </HydratedForm>
  );
}
