"use client";

import { useTranslations } from "next-intl";
import { confirmFirst } from "@/components/forms/confirm-first";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/forms/use-message";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { HANDOVER_DISPOSITIONS, remainsHandoverSchema, type RemainsHandoverValues } from "@/lib/aftercare/aftercare-values";
import { useRouter } from "@/lib/i18n/navigation";

interface HandoverFormProps {
  identificationId: string;
  now: string;
  signedInName: string;
  effects: { id: string; kindLabel: string; description: string }[];
  action: (values: RemainsHandoverValues) => Promise<ActionResult<{ handoverId: string }>>;
}

/** Who received the remains, from whom, where and when, and what became of each of the body's effects. */
export function HandoverForm({ identificationId, now, signedInName, effects, action }: HandoverFormProps) {
  const t = useTranslations("Aftercare");
  const translate = useMessage();
  const router = useRouter();
  const { form, submit, outcome } = useActionForm({
    schema: remainsHandoverSchema,
    action,
    defaultValues: {
      identificationId,
      handedOverAt: now,
      place: "",
      receivedBy: "",
      receivedByRelationship: "",
      staffMember: signedInName,
      notes: "",
      items: effects.map((effect) => ({ effectId: effect.id, disposition: "handed_over" as const })),
    },
    successKey: "Aftercare.handoverSaved",
    onSuccess: () => router.refresh(),
  });
  const { errors } = form.formState;
  const dispositions = HANDOVER_DISPOSITIONS.map((value) => ({ value, label: t(`dispositions.${value}`) }));
  return (
    <HydratedForm onSubmit={confirmFirst(t("handoverConfirm"), submit)} noValidate className="space-y-3" data-testid="handover-form">
      <FormMessage message={outcome} />
      <TextInput id="handedOverAt" type="datetime-local" dir="ltr" max={now} label={t("handoverAt")} required registration={form.register("handedOverAt")} error={errors.handedOverAt?.message} />
      <TextInput id="handoverPlace" label={t("handoverPlace")} required registration={form.register("place")} error={errors.place?.message} />
      <TextInput id="receivedBy" label={t("receivedBy")} required registration={form.register("receivedBy")} error={errors.receivedBy?.message} />
      <TextInput id="receivedByRelationship" label={t("receivedByRelationship")} required registration={form.register("receivedByRelationship")} error={errors.receivedByRelationship?.message} />
      <TextInput id="staffMember" label={t("staffMember")} required registration={form.register("staffMember")} error={errors.staffMember?.message} />
      <fieldset className="space-y-2" aria-describedby={errors.items?.message ? "items-error" : undefined}>
        <legend className="font-medium">{t("items")}</legend>
        {effects.length === 0 && <p className="text-muted">{t("itemsNone")}</p>}
        {effects.map((effect, index) => (
          <div key={effect.id} data-testid="handover-item">
            <input type="hidden" {...form.register(`items.${index}.effectId`)} />
            <SelectInput id={`item-${index}`} label={`${effect.kindLabel}: ${effect.description}`} options={dispositions} registration={form.register(`items.${index}.disposition`)} />
          </div>
        ))}
        {errors.items?.message && (
          <p id="items-error" role="alert" className="text-sm text-red-800">
            {translate(errors.items.message)}
          </p>
        )}
      </fieldset>
      <TextInput id="handoverNotes" multiline label={t("handoverNotes")} registration={form.register("notes")} error={errors.notes?.message} />
      <SubmitButton label={t("handoverSave")} submitting={form.formState.isSubmitting} />
    </HydratedForm>
  );
}
