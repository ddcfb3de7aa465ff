"use client";

import { useTranslations } from "next-intl";
import type { KeyboardEvent } from "react";
import type { UseFormReturn } from "react-hook-form";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { primaryButtonClassName } from "@/components/users/button-class";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { todayInTarhuna } from "@/lib/people/dates";
import { updateReferenceSampleSchema, type UpdateReferenceSampleValues } from "@/lib/people/edit-schemas";
import { referenceSampleSchema, type ReferenceSampleValues } from "@/lib/people/schemas";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { usePeopleChoices } from "./use-people-choices";
import { HydratedForm } from "@/components/forms/hydrated-form";

type CollectSampleAction = (values: ReferenceSampleValues) => Promise<ActionResult<{ sampleId: string }>>;
type UpdateSampleAction = (values: UpdateReferenceSampleValues) => Promise<ActionResult<{ version: number }>>;

/** A scanner types the barcode and presses Enter: move on to the next field rather than submit half a form. */
function nextFieldOnEnter(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== "Enter") return;
  event.preventDefault();
  const fields = Array.from(event.currentTarget.form?.elements ?? []).filter((element): element is HTMLElement => element instanceof HTMLElement);
  fields[fields.indexOf(event.currentTarget) + 1]?.focus();
}

/** The facts of collection and consent: shared by collecting a sample and correcting it. */
function SampleFields({ form, idPrefix }: { form: UseFormReturn<ReferenceSampleValues>; idPrefix: string }) {
  const t = useTranslations("People");
  const { consentScopes } = usePeopleChoices();
  const { errors } = form.formState;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <TextInput id={id("barcode")} dir="ltr" label={t("barcode")} hint={t("barcodeHint")} onKeyDown={nextFieldOnEnter} registration={form.register("barcode")} error={errors.barcode?.message} required />
      <DateInput id={id("collectedOn")} label={t("collectedOn")} name="collectedOn" control={form.control} error={errors.collectedOn?.message} required />
      <TextInput id={id("collectedBy")} label={t("collectedBy")} registration={form.register("collectedByName")} error={errors.collectedByName?.message} required />
      <Field id={id("consentGiven")} label={t("consentGiven")} error={errors.consentGiven?.message} required>
        {(describedBy, invalid) => (
          <input id={id("consentGiven")} type="checkbox" aria-describedby={describedBy} aria-invalid={invalid} className="h-5 w-5" {...form.register("consentGiven")} />
        )}
      </Field>
      <SelectInput id={id("consentScope")} label={t("consentScope")} options={consentScopes} registration={form.register("consentScope")} error={errors.consentScope?.message} />
      <TextInput id={id("consentFormRef")} dir="ltr" label={t("consentFormRef")} registration={form.register("consentFormRef")} error={errors.consentFormRef?.message} required />
    </>
  );
}

export function SampleForm({ action, donorId, collectorName }: { action: CollectSampleAction; donorId: string; collectorName: string }) {
  const t = useTranslations("People");
  const router = useRouter();
  const emptySample: ReferenceSampleValues = {
    donorId, barcode: "", collectedOn: todayInTarhuna(), collectedByName: collectorName,
    consentGiven: false, consentScope: "identification_only", consentFormRef: "",
  };
  const { form, submit, outcome } = useActionForm({
    schema: referenceSampleSchema,
    action,
    defaultValues: emptySample,
    successKey: "People.sampleCollected",
    onSuccess: () => {
      form.reset(emptySample);
      router.refresh();
    },
  });
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-4" data-testid="sample-form">
      <FormMessage message={outcome} />
      <SampleFields form={form} idPrefix={`sample-${donorId}`} />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {t("collectSample")}
      </button>
    </HydratedForm>
  );
}

/** Correcting how a sample was collected, with the version it was loaded with (a stale save is refused and shown). */
export function EditSampleForm({ action, sample }: { action: UpdateSampleAction; sample: UpdateReferenceSampleValues }) {
  const t = useTranslations("People");
  const tEdits = useTranslations("PeopleEdits");
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: updateReferenceSampleSchema,
    action,
    defaultValues: sample,
    onSuccess: (data, values) => {
      form.reset({ ...values, version: data.version });
      router.push(`/staff/samples/${values.sampleId}`);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-4" data-testid="edit-sample-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      {/* The extra id and version are not among the shared fields, which see only theirs. */}
      <SampleFields form={form as unknown as UseFormReturn<ReferenceSampleValues>} idPrefix="sample" />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {tEdits("saveChanges")}
      </button>
    </HydratedForm>
  );
}
