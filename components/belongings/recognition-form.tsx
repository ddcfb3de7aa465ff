"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { recordRecognitionSchema, type RecordRecognitionValues } from "@/lib/belongings/schemas";

interface RecognitionFormProps {
  viewingSessionId: string;
  effectId: string;
  persons: readonly { id: string; caseNumber: string; name: string }[];
  action: (values: RecordRecognitionValues) => Promise<ActionResult<{ recognitionId: string }>>;
  onDone: () => void;
}

/** "Tentatively recognised by <relative> for <missing person>", with the relative's own words. */
export function RecognitionForm({ viewingSessionId, effectId, persons, action, onDone }: RecognitionFormProps) {
  const t = useTranslations("Belongings.viewing");
  const { form, submit, outcome } = useActionForm({
    schema: recordRecognitionSchema,
    action,
    defaultValues: { viewingSessionId, effectId, missingPersonId: persons[0]?.id ?? "", recognisedBy: "", words: "" },
    successKey: "Belongings.viewing.recorded",
  });
  const { errors, isSubmitting } = form.formState;
  const prefix = `recognition-${effectId}`;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-3 rounded border border-line bg-paper p-3" data-testid="recognition-form">
      <h3 className="font-semibold">{t("recordTitle")}</h3>
      <SelectInput
        id={`${prefix}-person`}
        label={t("missingPerson")}
        options={persons.map((person) => ({ value: person.id, label: `${person.name} (${person.caseNumber})` }))}
        registration={form.register("missingPersonId")}
        error={errors.missingPersonId?.message}
      />
      <TextInput id={`${prefix}-by`} label={t("recognisedBy")} required registration={form.register("recognisedBy")} error={errors.recognisedBy?.message} />
      <TextInput id={`${prefix}-words`} label={t("words")} hint={t("wordsHint")} multiline registration={form.register("words")} error={errors.words?.message} />
      <FormMessage message={outcome} />
      <div className="flex gap-2">
        <SubmitButton label={t("record")} submitting={isSubmitting} />
        <button type="button" onClick={onDone} className="rounded border border-line px-4 py-2">
          {t("cancel")}
        </button>
      </div>
    </HydratedForm>
  );
}
