"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/forms/use-message";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { updatePoliceReportSchema, type UpdatePoliceReportValues } from "@/lib/reports/schemas";
import { PersonPicker } from "./person-picker";
import { PoliceReportFields, type PoliceReportFacts } from "./police-report-fields";
import type { PickedPerson } from "./use-person-search";
import { HydratedForm } from "@/components/forms/hydrated-form";

type UpdateReportAction = (values: UpdatePoliceReportValues) => Promise<ActionResult<{ reportId: string }>>;

/**
 * Correcting a police report: its facts, and the people it names (removed or added from those on
 * file), saved together over the version the form was loaded with; a stale save is refused and shown.
 */
export function EditPoliceReportForm({ action, report, persons }: { action: UpdateReportAction; report: UpdatePoliceReportValues; persons: PickedPerson[] }) {
  const t = useTranslations("People");
  const tEdits = useTranslations("PeopleEdits");
  const message = useMessage();
  const router = useRouter();
  const [chosen, setChosen] = useState<PickedPerson[]>(persons);
  const { form, submit, outcome, conflict } = useActionForm({
    schema: updatePoliceReportSchema,
    action,
    defaultValues: report,
    onSuccess: ({ reportId }, values) => {
      form.reset(values);
      router.push(`/staff/reports/${reportId}?saved=1`);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  const choose = (people: PickedPerson[]) => {
    setChosen(people);
    form.setValue("missingPersonIds", people.map((person) => person.id), { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  };
  const personsError = form.formState.errors.missingPersonIds?.message;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="edit-report-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      <PoliceReportFields form={form as unknown as UseFormReturn<PoliceReportFacts>} />
      <PersonPicker chosen={chosen} onChange={choose} error={personsError} />
      {personsError && <p className="text-sm font-medium text-red-800">{message(personsError)}</p>}
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {tEdits("saveChanges")}
      </button>
    </HydratedForm>
  );
}
