"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import type { DuplicateCandidate } from "@/lib/people/duplicates";
import { newMissingPersonSchema, type MissingPersonValues, type NewMissingPersonValues } from "@/lib/people/schemas";
import { DuplicateCandidates } from "./duplicate-candidates";
import { fetchDuplicateCandidates } from "./fetch-duplicate-candidates";
import { MissingPersonFields } from "./missing-person-fields";
import { HydratedForm } from "@/components/forms/hydrated-form";

type CreateMissingPersonAction = (values: NewMissingPersonValues) => Promise<ActionResult<{ missingPersonId: string; caseNumber: string }>>;

/**
 * Registering a person first shows the likely duplicates (the server refuses until they have been
 * looked at); "none of these" registers a new record anyway.
 */
export function NewMissingPersonForm({ action, familyId }: { action: CreateMissingPersonAction; familyId: string }) {
  const t = useTranslations("People");
  const router = useRouter();
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const emptyPerson: NewMissingPersonValues = {
    familyId, givenName: "", fatherName: "", grandfatherName: "", familyName: "", nameLatin: "", sex: "male",
    birthYear: "", lastSeenOn: "", lastSeenPlace: "", circumstances: "", duplicatesReviewed: false,
  };
  const { form, submit, outcome } = useActionForm({
    schema: newMissingPersonSchema,
    action: async (values) => {
      const result = await action(values);
      if (!result.ok && result.error === "refused") setCandidates(await fetchDuplicateCandidates(values));
      return result;
    },
    defaultValues: emptyPerson,
    successKey: "Actions.saved",
    onSuccess: () => {
      setCandidates([]);
      form.reset(emptyPerson);
      router.refresh();
    },
  });
  const registerAnyway = () => {
    form.setValue("duplicatesReviewed", true);
    void submit();
  };
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="missing-person-form">
      <FormMessage message={outcome} />
      {candidates.length > 0 && <DuplicateCandidates candidates={candidates} onRegisterAnyway={registerAnyway} />}
      {/* The extra duplicatesReviewed flag is not one of the shared fields, which see only theirs. */}
      <MissingPersonFields form={form as unknown as UseFormReturn<MissingPersonValues>} />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {t("createPerson")}
      </button>
    </HydratedForm>
  );
}
