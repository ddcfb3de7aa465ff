"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { primaryButtonClassName } from "@/components/users/button-class";
import { ConfirmDialog } from "@/components/users/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { recordReturnSchema, type RecordReturnValues } from "@/lib/identifications/schemas";
import { useStepForm } from "./use-step-form";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface ReturnFormProps {
  identification: { id: string; version: number };
  /** The family's reference donors, offered as suggestions; any other name may be typed. */
  donorNames: string[];
  today: string;
  action: (values: RecordReturnValues) => Promise<ActionResult<unknown>>;
}

export function ReturnForm({ identification, donorNames, today, action }: ReturnFormProps) {
  const t = useTranslations("Identifications");
  const { form, outcome, dialog, askFirst, submitConfirmed } = useStepForm({
    schema: recordReturnSchema,
    action,
    defaultValues: { identificationId: identification.id, version: identification.version, returnedOn: today, returnedTo: "", burialPlace: "" },
    successKey: "Identifications.returnDone",
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <HydratedForm onSubmit={askFirst} noValidate className="space-y-3" data-testid="return-form" aria-labelledby="return-title">
      <h3 id="return-title" className="font-semibold">{t("returnTitle")}</h3>
      <FormMessage message={outcome} />
      <DateInput id="returnedOn" label={t("returnedOn")} name="returnedOn" control={form.control} error={errors.returnedOn?.message} required />
      <TextInput id="returnedTo" list="family-donors" label={t("returnedTo")} hint={t("returnedToHint")} required registration={form.register("returnedTo")} error={errors.returnedTo?.message} />
      <datalist id="family-donors">
        {donorNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <TextInput id="burialPlace" label={t("burialPlace")} required registration={form.register("burialPlace")} error={errors.burialPlace?.message} />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>{t("recordReturn")}</button>
      <ConfirmDialog id="return" dialogRef={dialog} question={t("returnQuestion")} confirmLabel={t("recordReturn")} onConfirm={submitConfirmed} />
    </HydratedForm>
  );
}
