"use client";

import { useTranslations } from "next-intl";
import type { KeyboardEvent } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { primaryButtonClassName } from "@/components/users/button-class";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { todayInTarhuna } from "@/lib/people/dates";
import { referenceSampleSchema, type ReferenceSampleValues } from "@/lib/people/schemas";
import { TextInput } from "@/components/forms/text-input";
import { usePeopleChoices } from "./use-people-choices";

type CollectSampleAction = (values: ReferenceSampleValues) => Promise<ActionResult<{ sampleId: string }>>;

/** A scanner types the barcode and presses Enter: move on to the next field rather than submit half a form. */
function nextFieldOnEnter(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key !== "Enter") return;
  event.preventDefault();
  const fields = Array.from(event.currentTarget.form?.elements ?? []).filter((element): element is HTMLElement => element instanceof HTMLElement);
  fields[fields.indexOf(event.currentTarget) + 1]?.focus();
}

export function SampleForm({ action, donorId, collectorName }: { action: CollectSampleAction; donorId: string; collectorName: string }) {
  const t = useTranslations("People");
  const router = useRouter();
  const { consentScopes } = usePeopleChoices();
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
  const { errors, isSubmitting } = form.formState;
  const id = (name: string) => `sample-${donorId}-${name}`;
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="sample-form">
      <FormMessage message={outcome} />
      <TextInput id={id("barcode")} dir="ltr" label={t("barcode")} hint={t("barcodeHint")} onKeyDown={nextFieldOnEnter} registration={form.register("barcode")} error={errors.barcode?.message} required />
      <TextInput id={id("collectedOn")} type="date" label={t("collectedOn")} registration={form.register("collectedOn")} error={errors.collectedOn?.message} required />
      <TextInput id={id("collectedBy")} label={t("collectedBy")} registration={form.register("collectedByName")} error={errors.collectedByName?.message} required />
      <Field id={id("consentGiven")} label={t("consentGiven")} error={errors.consentGiven?.message} required>
        {(describedBy, invalid) => (
          <input id={id("consentGiven")} type="checkbox" aria-describedby={describedBy} aria-invalid={invalid} className="h-5 w-5" {...form.register("consentGiven")} />
        )}
      </Field>
      <SelectInput id={id("consentScope")} label={t("consentScope")} options={consentScopes} registration={form.register("consentScope")} error={errors.consentScope?.message} />
      <TextInput id={id("consentFormRef")} dir="ltr" label={t("consentFormRef")} registration={form.register("consentFormRef")} error={errors.consentFormRef?.message} required />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
        {t("collectSample")}
      </button>
    </form>
  );
}
