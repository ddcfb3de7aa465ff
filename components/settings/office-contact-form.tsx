"use client";

import { useTranslations } from "next-intl";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { officeContactSchema, type OfficeContactValues } from "@/lib/settings/office-contact-values";
import { HydratedForm } from "@/components/forms/hydrated-form";

type TextField = Exclude<keyof OfficeContactValues, "version">;

/** Each detail in Arabic and in English, side by side; the phone once, as digits. */
const PAIRS: readonly { label: "name" | "address" | "hours" | "message"; ar: TextField; en: TextField; multiline?: boolean }[] = [
  { label: "name", ar: "nameAr", en: "nameEn" },
  { label: "address", ar: "addressAr", en: "addressEn", multiline: true },
  { label: "hours", ar: "hoursAr", en: "hoursEn" },
  { label: "message", ar: "messageAr", en: "messageEn", multiline: true },
];

export function OfficeContactForm(props: { action: (values: OfficeContactValues) => Promise<ActionResult<{ version: number }>>; contact: OfficeContactValues }) {
  const t = useTranslations("Settings");
  const { form, submit, outcome, conflict } = useActionForm({
    schema: officeContactSchema,
    action: props.action,
    defaultValues: props.contact,
    onSuccess: (data, values) => form.reset({ ...values, version: data.version }),
  });
  const { errors } = form.formState;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="office-contact-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      {PAIRS.map((pair) => (
        <div key={pair.label} className="grid gap-4 sm:grid-cols-2">
          <TextInput id={pair.ar} label={t(`${pair.label}Ar`)} multiline={pair.multiline} registration={form.register(pair.ar)} error={errors[pair.ar]?.message} />
          <TextInput id={pair.en} label={t(`${pair.label}En`)} multiline={pair.multiline} dir="ltr" registration={form.register(pair.en)} error={errors[pair.en]?.message} />
        </div>
      ))}
      <TextInput id="phone" label={t("phone")} hint={t("phoneHint")} type="tel" dir="ltr" registration={form.register("phone")} error={errors.phone?.message} />
      <SubmitButton label={t("save")} submitting={form.formState.isSubmitting} />
    </HydratedForm>
  );
}
