"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import type { ActionResult } from "@/lib/actions/result";
import {
  createRemainsSchema,
  updateRemainsSchema,
  type CreateRemainsValues,
  type UpdateRemainsValues,
} from "@/lib/forensic/schemas/remains";
import { useRouter } from "@/lib/i18n/navigation";
import { RemainsFields } from "./remains-fields";
import { HydratedForm } from "@/components/forms/hydrated-form";

type RemainsSaved = ActionResult<{ remainsId: string }>;

/**
 * Checked on submit, not on blur: leaving an empty effect row to click "add effect" would otherwise
 * show its "required" message on mousedown, push the button down and lose the click.
 */
const VALIDATE_ON_SUBMIT = "onSubmit";

function useOpenSavedRemains() {
  const router = useRouter();
  return (remainsId: string) => router.push(`/staff/remains/${remainsId}?saved=1`);
}

export function NewRemainsForm(props: { action: (values: CreateRemainsValues) => Promise<RemainsSaved>; siteId: string; suggestedCode: string }) {
  const t = useTranslations("Remains");
  const openRemains = useOpenSavedRemains();
  const { form, submit, outcome } = useActionForm({
    schema: createRemainsSchema,
    action: props.action,
    mode: VALIDATE_ON_SUBMIT,
    defaultValues: {
      siteId: props.siteId,
      code: props.suggestedCode,
      recoveredOn: "",
      estimatedSex: "unknown",
      ageMin: null,
      ageMax: null,
      condition: "partial",
      storageLocation: "",
      notes: "",
      effects: [],
    },
    onSuccess: (data, values) => {
      form.reset(values);
      openRemains(data.remainsId);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  return (
    <FormProvider {...form}>
      <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="remains-form">
        <FormMessage message={outcome} />
        <RemainsFields />
        <SubmitButton label={t("submitCreate")} submitting={form.formState.isSubmitting} />
      </HydratedForm>
    </FormProvider>
  );
}

export function EditRemainsForm(props: { action: (values: UpdateRemainsValues) => Promise<RemainsSaved>; remains: UpdateRemainsValues }) {
  const t = useTranslations("Remains");
  const openRemains = useOpenSavedRemains();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: updateRemainsSchema,
    action: props.action,
    mode: VALIDATE_ON_SUBMIT,
    defaultValues: props.remains,
    onSuccess: (data, values) => {
      form.reset(values);
      openRemains(data.remainsId);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  return (
    <FormProvider {...form}>
      <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="remains-form">
        <FormMessage message={outcome} />
        <ConflictNotice conflict={conflict} />
        <RemainsFields />
        <SubmitButton label={t("submitUpdate")} submitting={form.formState.isSubmitting} />
      </HydratedForm>
    </FormProvider>
  );
}
