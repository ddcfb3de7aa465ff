"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { updateFamilySchema, type UpdateFamilyValues } from "@/lib/people/edit-schemas";
import { familySchema, type FamilyValues } from "@/lib/people/schemas";
import { HydratedForm } from "@/components/forms/hydrated-form";

type CreateFamilyAction = (values: FamilyValues) => Promise<ActionResult<{ familyId: string }>>;
type UpdateFamilyAction = (values: UpdateFamilyValues) => Promise<ActionResult<{ version: number }>>;

/** The fields a family's form shares between registering and editing. */
function FamilyFields({ form, referenceHint }: { form: UseFormReturn<FamilyValues>; referenceHint?: string }) {
  const t = useTranslations("People");
  const { errors } = form.formState;
  return (
    <>
      <TextInput id="reference" dir="ltr" label={t("reference")} hint={referenceHint} registration={form.register("reference")} error={errors.reference?.message} required />
      <TextInput id="contactName" label={t("contactName")} registration={form.register("contactName")} error={errors.contactName?.message} required />
      <TextInput id="phone" dir="ltr" type="tel" label={t("phone")} registration={form.register("phone")} error={errors.phone?.message} />
      <TextInput id="area" label={t("area")} registration={form.register("area")} error={errors.area?.message} />
    </>
  );
}

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
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="family-form">
      <FormMessage message={outcome} />
      <FamilyFields form={form} referenceHint={t("referenceHint")} />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {t("createFamily")}
      </button>
    </HydratedForm>
  );
}

/** Editing a family: the same fields, carrying the version it was loaded with (a stale save is refused and shown). */
export function EditFamilyForm({ action, family }: { action: UpdateFamilyAction; family: UpdateFamilyValues }) {
  const t = useTranslations("People");
  const tEdits = useTranslations("PeopleEdits");
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: updateFamilySchema,
    action,
    defaultValues: family,
    onSuccess: (data, values) => {
      form.reset({ ...values, version: data.version });
      router.push(`/staff/families/${values.familyId}`);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="edit-family-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      {/* The extra id and version are not among the shared fields, which see only theirs. */}
      <FamilyFields form={form as unknown as UseFormReturn<FamilyValues>} />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {tEdits("saveChanges")}
      </button>
    </HydratedForm>
  );
}
