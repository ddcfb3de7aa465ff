"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { followUpRecognitionSchema } from "@/lib/belongings/schemas";
import { useRouter } from "@/lib/i18n/navigation";

/** The forensic team closes a lead in its queue by saying what was done (a DNA sample asked for, a document checked). */
export function FollowUpForm({ recognitionId, action }: { recognitionId: string; action: (values: { recognitionId: string; note: string }) => Promise<ActionResult<{ recognitionId: string }>> }) {
  const t = useTranslations("Belongings.leads");
  const router = useRouter();
  const { form, submit, outcome } = useActionForm({ schema: followUpRecognitionSchema, action, defaultValues: { recognitionId, note: "" }, onSuccess: () => router.refresh() });
  return (
    <HydratedForm onSubmit={submit} noValidate className="flex flex-wrap items-end gap-2">
      <TextInput id={`follow-up-${recognitionId}`} label={t("followUpNote")} required registration={form.register("note")} error={form.formState.errors.note?.message} />
      <SubmitButton label={t("followUp")} submitting={form.formState.isSubmitting} />
      <FormMessage message={outcome} />
    </HydratedForm>
  );
}
