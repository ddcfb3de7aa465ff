"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { numberOrNull } from "@/components/forms/number-values";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import type { ActionResult } from "@/lib/actions/result";
import { postmortemSchema, type PostmortemValues } from "@/lib/am-pm/schemas";
import { useRouter } from "@/lib/i18n/navigation";
import { SharedAmPmFields } from "./shared-fields";

interface PostmortemFormProps {
  action: (values: PostmortemValues) => Promise<ActionResult<{ remainsId: string }>>;
  values: PostmortemValues;
}

/** The postmortem findings of one body, new or edited (sex and age stay on the body's own form). */
export function PostmortemForm({ action, values }: PostmortemFormProps) {
  const t = useTranslations("AmPm");
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: postmortemSchema,
    action,
    mode: "onSubmit",
    defaultValues: values,
    onSuccess: (data, saved) => {
      form.reset(saved);
      router.push(`/staff/remains/${data.remainsId}`);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <FormProvider {...form}>
      <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="postmortem-form">
        <FormMessage message={outcome} />
        <ConflictNotice conflict={conflict} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextInput id="statureMinCm" label={t("statureMinCm")} type="number" dir="ltr" registration={register("statureMinCm", { setValueAs: numberOrNull })} error={errors.statureMinCm?.message} />
          <TextInput id="statureMaxCm" label={t("statureMaxCm")} type="number" dir="ltr" registration={register("statureMaxCm", { setValueAs: numberOrNull })} error={errors.statureMaxCm?.message} />
        </div>
        <SharedAmPmFields side="postmortem" />
        <SubmitButton label={t("submit")} submitting={formState.isSubmitting} />
      </HydratedForm>
    </FormProvider>
  );
}
