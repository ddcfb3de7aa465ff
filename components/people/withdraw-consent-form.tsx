"use client";

import { useTranslations } from "next-intl";
import { confirmFirst } from "@/components/forms/confirm-first";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { dangerButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { todayInTarhuna } from "@/lib/people/dates";
import { withdrawConsentSchema, type WithdrawConsentValues } from "@/lib/people/schemas";

/**
 * Records that the donor withdrew consent, on the version of the form they signed. Confirmed first:
 * the sample is sealed for good, and a second staff member approves it before it is done.
 */
export function WithdrawConsentForm(props: { action: (values: WithdrawConsentValues) => Promise<ActionResult<unknown>>; sampleId: string; version: number }) {
  const t = useTranslations("People");
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: withdrawConsentSchema,
    action: props.action,
    defaultValues: { sampleId: props.sampleId, version: props.version, withdrawnOn: todayInTarhuna(), wordingVersion: "", note: "" },
    successKey: "People.consentWithdrawn",
    onSuccess: () => router.refresh(),
  });
  const { errors } = form.formState;
  const confirmThenSubmit = confirmFirst(t("withdrawConsentConfirm"), submit);
  return (
    <HydratedForm onSubmit={confirmThenSubmit} noValidate className="space-y-3" data-testid="withdraw-consent-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      <DateInput id="withdrawnOn" label={t("withdrawnOn")} name="withdrawnOn" control={form.control} error={errors.withdrawnOn?.message} required />
      <TextInput id="wordingVersion" label={t("withdrawalWording")} hint={t("withdrawalWordingHint")} required registration={form.register("wordingVersion")} error={errors.wordingVersion?.message} />
      <TextInput id="withdrawalNote" label={t("withdrawalNote")} multiline registration={form.register("note")} error={errors.note?.message} />
      <button type="submit" disabled={form.formState.isSubmitting} className={dangerButtonClassName}>
        {t("withdrawConsent")}
      </button>
    </HydratedForm>
  );
}
