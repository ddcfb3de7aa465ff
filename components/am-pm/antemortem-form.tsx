"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { numberOrNull } from "@/components/forms/number-values";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { antemortemSchema, type AntemortemValues } from "@/lib/am-pm/schemas";
import { useRouter } from "@/lib/i18n/navigation";
import { useAmPmChoices, type Choice } from "./choices";
import { SharedAmPmFields } from "./shared-fields";

interface AntemortemFormProps {
  action: (values: AntemortemValues) => Promise<ActionResult<{ personId: string }>>;
  values: AntemortemValues;
  /** The reference donors registered for this person, any of whom may have given the information. */
  donors: readonly Choice[];
}

const noneToNull = (value: unknown) => (value === "" || value === null ? null : value);

/** The antemortem (yellow-form) record of one missing person, new or edited. */
export function AntemortemForm({ action, values, donors }: AntemortemFormProps) {
  const t = useTranslations("AmPm");
  const choices = useAmPmChoices();
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: antemortemSchema,
    action,
    mode: "onSubmit",
    defaultValues: values,
    onSuccess: (data, saved) => {
      form.reset(saved);
      router.push(`/staff/persons/${data.personId}`);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  const { register, formState } = form;
  const { errors } = formState;
  const informantChoices = [{ value: "", label: t("informantNobody") }, ...donors];
  return (
    <FormProvider {...form}>
      <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="antemortem-form">
        <FormMessage message={outcome} />
        <ConflictNotice conflict={conflict} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextInput id="ageAtDisappearance" label={t("ageAtDisappearance")} hint={t("ageAtDisappearanceHint")} type="number" dir="ltr" registration={register("ageAtDisappearance", { setValueAs: numberOrNull })} error={errors.ageAtDisappearance?.message} />
          <TextInput id="heightMinCm" label={t("heightMinCm")} hint={t("heightHint")} type="number" dir="ltr" registration={register("heightMinCm", { setValueAs: numberOrNull })} error={errors.heightMinCm?.message} />
          <TextInput id="heightMaxCm" label={t("heightMaxCm")} type="number" dir="ltr" registration={register("heightMaxCm", { setValueAs: numberOrNull })} error={errors.heightMaxCm?.message} />
          <SelectInput id="build" label={t("build")} options={choices.builds} registration={register("build")} error={errors.build?.message} />
          <TextInput id="hair" label={t("hair")} registration={register("hair")} error={errors.hair?.message} />
          <SelectInput id="eyeColour" label={t("eyeColour")} options={choices.eyeColours} registration={register("eyeColour")} error={errors.eyeColour?.message} />
        </div>
        <SharedAmPmFields side="antemortem" />
        <fieldset className="grid gap-4 rounded border border-line p-3 sm:grid-cols-3">
          <legend className="font-medium">{t("informant")}</legend>
          <SelectInput id="informantDonorId" label={t("informantDonor")} options={informantChoices} registration={register("informantDonorId", { setValueAs: noneToNull })} error={errors.informantDonorId?.message} />
          <TextInput id="informantName" label={t("informantName")} registration={register("informantName")} error={errors.informantName?.message} />
          <DateInput id="informedOn" label={t("informedOn")} name="informedOn" control={form.control} error={errors.informedOn?.message} required />
        </fieldset>
        <SubmitButton label={t("submit")} submitting={formState.isSubmitting} />
      </HydratedForm>
    </FormProvider>
  );
}
