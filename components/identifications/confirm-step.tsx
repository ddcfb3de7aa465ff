"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { primaryButtonClassName } from "@/components/users/button-class";
import { ConfirmDialog } from "@/components/users/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { confirmIdentificationSchema, type ConfirmIdentificationValues } from "@/lib/identifications/schemas";
import { useStepForm } from "./use-step-form";
import { withIsolatedValues } from "@/components/layout/ltr-text";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface ConfirmStepProps {
  identification: { id: string; version: number; remainsCode: string; caseNumber: string };
  action: (values: ConfirmIdentificationValues) => Promise<ActionResult<unknown>>;
}

/** The second examiner's confirmation: one button, and a dialog that says what it means. */
export function ConfirmStep({ identification, action }: ConfirmStepProps) {
  const t = useTranslations("Identifications");
  const { form, outcome, dialog, askFirst, submitConfirmed } = useStepForm({
    schema: confirmIdentificationSchema,
    action,
    defaultValues: { identificationId: identification.id, version: identification.version },
    successKey: "Identifications.confirmedDone",
  });
  return (
    <HydratedForm onSubmit={askFirst} noValidate className="space-y-3" data-testid="confirm-identification-form">
      <FormMessage message={outcome} />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {t("confirm")}
      </button>
      <ConfirmDialog
        id="confirm-identification"
        dialogRef={dialog}
        question={withIsolatedValues((values) => t("confirmQuestion", values), { code: identification.remainsCode, caseNumber: identification.caseNumber })}
        confirmLabel={t("confirm")}
        onConfirm={submitConfirmed}
      />
    </HydratedForm>
  );
}
