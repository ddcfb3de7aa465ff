"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { proposeIdentificationSchema, type ProposeIdentificationValues } from "@/lib/identifications/schemas";
import { BasisFields } from "./basis-fields";
import { MismatchAcknowledgement } from "./mismatch-acknowledgement";
import type { PickedPerson } from "@/components/people/use-person-search";
import { PersonChoice } from "./person-choice";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface ProposeFormProps {
  action: (values: ProposeIdentificationValues) => Promise<ActionResult<{ identificationId: string }>>;
  remainsCode: string;
  person: PickedPerson | null;
  /** From a kinship lead: the screen's likelihood ratio, with DNA ticked as the basis. */
  likelihoodRatio: string;
  /** A mismatch already known when the page opens with both sides chosen. */
  mismatchKey: string | null;
}

export function ProposeForm({ action, remainsCode, person: initialPerson, likelihoodRatio, mismatchKey: initialMismatchKey }: ProposeFormProps) {
  const t = useTranslations("Identifications");
  const router = useRouter();
  const locale = useLocale();
  const [person, setPerson] = useState<PickedPerson | null>(initialPerson);
  // The server names the mismatch it found; the warning stays once shown, with its checkbox.
  const [mismatchKey, setMismatchKey] = useState<string | null>(initialMismatchKey);
  const { form, submit, outcome } = useActionForm({
    schema: proposeIdentificationSchema,
    action,
    defaultValues: { remainsCode, missingPersonId: initialPerson?.id ?? "", basis: likelihoodRatio ? ["dna"] : [], likelihoodRatio, locale: locale === "en" ? "en" : "ar", evidenceSummary: "", acknowledgeMismatch: false, dnaProfileOverride: false, dnaOverrideReason: "" },
    successKey: "Identifications.proposedDone",
    onSuccess: (data) => router.push(`/staff/identifications/${data.identificationId}`),
  });
  const { errors, isSubmitting } = form.formState;
  const mismatchError = errors.acknowledgeMismatch?.message;
  if (mismatchError && mismatchError !== mismatchKey) setMismatchKey(mismatchError);
  // A warning about another body or person does not carry over, nor does its acknowledgement.
  const forgetMismatch = () => {
    setMismatchKey(null);
    form.setValue("acknowledgeMismatch", false);
  };
  const choosePerson = (chosen: PickedPerson | null) => {
    setPerson(chosen);
    forgetMismatch();
    form.setValue("missingPersonId", chosen?.id ?? "", { shouldValidate: chosen !== null });
  };
  return (
    <FormProvider {...form}>
      <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="propose-identification-form">
        <FormMessage message={outcome} />
        <TextInput id="remainsCode" dir="ltr" label={t("remainsCode")} hint={t("remainsCodeHint")} required registration={form.register("remainsCode", { onChange: forgetMismatch })} error={errors.remainsCode?.message} />
        <PersonChoice chosen={person} onChoose={choosePerson} error={errors.missingPersonId?.message} />
        <BasisFields />
        <TextInput id="evidenceSummary" label={t("evidenceSummary")} required multiline registration={form.register("evidenceSummary")} error={errors.evidenceSummary?.message} />
        {mismatchKey && <MismatchAcknowledgement warningKey={mismatchKey} />}
        <SubmitButton label={t("propose")} submitting={isSubmitting} />
      </HydratedForm>
    </FormProvider>
  );
}
