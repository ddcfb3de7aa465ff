"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { primaryButtonClassName } from "@/components/users/button-class";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { HAND_SET_STATUSES, updateMissingPersonSchema, type MissingPersonValues, type UpdateMissingPersonValues } from "@/lib/people/schemas";
import { MissingPersonFields } from "./missing-person-fields";
import { HydratedForm } from "@/components/forms/hydrated-form";

type UpdateMissingPersonAction = (values: UpdateMissingPersonValues) => Promise<ActionResult<{ version: number }>>;

/**
 * Editing a missing person: the same fields as registering, plus the status. The form carries the
 * version it was loaded with, so a save over someone else's newer one is refused and shown.
 */
export function EditMissingPersonForm({ action, person }: { action: UpdateMissingPersonAction; person: UpdateMissingPersonValues }) {
  const t = useTranslations("People");
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: updateMissingPersonSchema,
    action,
    defaultValues: person,
    onSuccess: (data, values) => {
      form.reset({ ...values, version: data.version });
      router.push(`/staff/persons/${values.missingPersonId}`);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  // Identified and returned follow the identification workflow: shown, but not offered by hand.
  const handSet = (HAND_SET_STATUSES as readonly string[]).includes(person.status);
  const statuses = (handSet ? HAND_SET_STATUSES : [person.status]).map((value) => ({ value, label: t(`statuses.${value}`) }));
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="edit-missing-person-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      <SelectInput
        id="status"
        label={t("status")}
        options={statuses}
        registration={form.register("status")}
        error={form.formState.errors.status?.message}
        hint={handSet ? undefined : t("statusFollowsIdentification")}
      />
      {/* The extra id, version and status are not among the shared fields, which see only theirs. */}
      <MissingPersonFields form={form as unknown as UseFormReturn<MissingPersonValues>} />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {t("savePerson")}
      </button>
    </HydratedForm>
  );
}
