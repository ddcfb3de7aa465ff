"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { familySchema, type FamilyValues } from "@/lib/people/schemas";
import { TextInput } from "@/components/forms/text-input";

type CreateFamilyAction = (values: FamilyValues) => Promise<ActionResult<{ familyId: string }>>;

export function FamilyForm({ action, suggestedReference }: { action: CreateFamilyAction; suggestedReference: string }) {
  const t = useTranslations("People");
  const router = useRouter();
  const { form, submit, outcome } = useActionForm({
    schema: familySchema,
    action,
    defaultValues: { reference: suggestedReference, contactName: "", phone: "", area: "" },
    successKey: "People.familyCreated",
    onSuccess: ({ familyId }) => router.push(`/staff/families/${familyId}`),
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="family-form">
      <FormMessage message={outcome} />
      <TextInput id="reference" dir="ltr" label={t("reference")} hint={t("referenceHint")} registration={form.register("reference")} error={errors.reference?.message} required />
      <TextInput id="contactName" label={t("contactName")} registration={form.register("contactName")} error={errors.contactName?.message} required />
      <TextInput id="phone" dir="ltr" type="tel" label={t("phone")} registration={form.register("phone")} error={errors.phone?.message} />
      <TextInput id="area" label={t("area")} registration={form.register("area")} error={errors.area?.message} />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
        {t("createFamily")}
      </button>
    </form>
  );
}
