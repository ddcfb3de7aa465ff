"use client";

import { useTranslations } from "next-intl";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { addFollowUpSchema, completeFollowUpSchema, FOLLOW_UP_KINDS, type AddFollowUpValues, type CompleteFollowUpValues } from "@/lib/aftercare/aftercare-values";
import { useRouter } from "@/lib/i18n/navigation";

/** A question the family left open, or something the office promised them, with the date it is due. */
export function AddFollowUpForm({ identificationId, today, action }: { identificationId: string; today: string; action: (values: AddFollowUpValues) => Promise<ActionResult<{ followUpId: string }>> }) {
  const t = useTranslations("Aftercare");
  const router = useRouter();
  const { form, submit, outcome } = useActionForm({
    schema: addFollowUpSchema,
    action,
    defaultValues: { identificationId, kind: "question", description: "", dueOn: today },
    successKey: "Aftercare.followUpAdded",
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const { errors } = form.formState;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-3" data-testid="follow-up-form">
      <FormMessage message={outcome} />
      <SelectInput id="followUpKind" label={t("followUpKind")} options={FOLLOW_UP_KINDS.map((value) => ({ value, label: t(`followUpKinds.${value}`) }))} registration={form.register("kind")} error={errors.kind?.message} />
      <TextInput id="followUpDescription" multiline label={t("followUpDescription")} required registration={form.register("description")} error={errors.description?.message} />
      <DateInput id="followUpDue" label={t("followUpDue")} name="dueOn" control={form.control} error={errors.dueOn?.message} required />
      <SubmitButton label={t("followUpAdd")} submitting={form.formState.isSubmitting} />
    </HydratedForm>
  );
}

/** Marks one open item done, with a word on how. */
export function CompleteFollowUpForm({ followUpId, version, action }: { followUpId: string; version: number; action: (values: CompleteFollowUpValues) => Promise<ActionResult<{ followUpId: string }>> }) {
  const t = useTranslations("Aftercare");
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: completeFollowUpSchema,
    action,
    defaultValues: { followUpId, version, doneNote: "" },
    successKey: "Aftercare.followUpMarkedDone",
    onSuccess: () => router.refresh(),
  });
  const { errors } = form.formState;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-2" data-testid="complete-follow-up-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      <TextInput id={`doneNote-${followUpId}`} label={t("followUpDoneNote")} registration={form.register("doneNote")} error={errors.doneNote?.message} />
      <SubmitButton label={t("followUpMarkDone")} submitting={form.formState.isSubmitting} />
    </HydratedForm>
  );
}
