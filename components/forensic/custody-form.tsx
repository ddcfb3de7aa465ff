"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import type { CustodySubject } from "@/lib/forensic/custody-queries";
import { recordCustodyEventSchema, type RecordCustodyEventValues } from "@/lib/forensic/schemas/custody";
import { useRouter } from "@/lib/i18n/navigation";
import { useForensicChoices } from "./choices";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface CustodyFormProps {
  action: (values: RecordCustodyEventValues) => Promise<ActionResult<unknown>>;
  subject: CustodySubject;
  /** "Now" in Libya, from the server, so the first render matches on both sides. */
  now: string;
  /** Earlier entries this one may correct, already labelled. */
  correctable: { value: string; label: string }[];
}

/** Appends an entry to a chain of custody, for a body or a sample alike. */
export function CustodyForm({ action, subject, now, correctable }: CustodyFormProps) {
  const t = useTranslations("Custody");
  const router = useRouter();
  const { custodyActions } = useForensicChoices();
  const defaultValues: RecordCustodyEventValues = {
    remainsId: "remainsId" in subject ? subject.remainsId : null,
    sampleId: "sampleId" in subject ? subject.sampleId : null,
    action: "transferred",
    fromParty: "",
    toParty: "",
    place: "",
    occurredAt: now,
    notes: "",
    correctsEventId: null,
  };
  const { form, submit, outcome } = useActionForm({
    schema: recordCustodyEventSchema,
    action,
    defaultValues,
    successKey: "Custody.recorded",
    onSuccess: () => {
      form.reset(defaultValues);
      router.refresh();
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty, t("unsavedChangesQuestion"));
  const { errors } = form.formState;
  const corrections = [{ value: "", label: t("correctsNothing") }, ...correctable];
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-4" data-testid="custody-form">
      <FormMessage message={outcome} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectInput id="custody-action" label={t("action")} options={custodyActions} registration={form.register("action")} error={errors.action?.message} />
        <TextInput id="custody-occurredAt" label={t("occurredAt")} type="datetime-local" dir="ltr" required registration={form.register("occurredAt")} error={errors.occurredAt?.message} />
        <TextInput id="custody-fromParty" label={t("fromParty")} registration={form.register("fromParty")} error={errors.fromParty?.message} />
        <TextInput id="custody-toParty" label={t("toParty")} registration={form.register("toParty")} error={errors.toParty?.message} />
        <TextInput id="custody-place" label={t("place")} registration={form.register("place")} error={errors.place?.message} />
        <TextInput id="custody-notes" label={t("notes")} registration={form.register("notes")} error={errors.notes?.message} />
      </div>
      <SelectInput
        id="custody-correctsEventId"
        label={t("correctsEvent")}
        options={corrections}
        registration={form.register("correctsEventId", { setValueAs: (value: unknown) => (value === "" ? null : value) })}
        error={errors.correctsEventId?.message}
      />
      <SubmitButton label={t("submit")} submitting={form.formState.isSubmitting} />
    </HydratedForm>
  );
}
