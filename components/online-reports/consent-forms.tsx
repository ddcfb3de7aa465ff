"use client";

import { useTranslations } from "next-intl";
import { confirmFirst } from "@/components/forms/confirm-first";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/forms/use-message";
import { dangerButtonClassName, primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { todayInTarhuna } from "@/lib/people/dates";
import { recordConsentSchema, withdrawDataConsentSchema, type RecordConsentValues, type WithdrawDataConsentValues } from "@/lib/online-reports/schemas";
import { CONSENT_LEVELS } from "@/lib/online-reports/values";

/** Consent given at the office on a signed form: the levels ticked, the date, who gave it, the form's wording version. */
export function RecordConsentForm({ action, missingPersonId }: { action: (values: RecordConsentValues) => Promise<ActionResult<unknown>>; missingPersonId: string }) {
  const t = useTranslations("OnlineReport.staff");
  const message = useMessage();
  const router = useRouter();
  const { form, submit, outcome } = useActionForm({
    schema: recordConsentSchema,
    action,
    defaultValues: { missingPersonId, levels: [], givenOn: todayInTarhuna(), givenBy: "", wordingVersion: "" },
    successKey: "OnlineReport.consentRecorded",
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const { errors } = form.formState;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-3" data-testid="record-consent-form">
      <FormMessage message={outcome} />
      <fieldset className="space-y-1">
        {CONSENT_LEVELS.map((level) => (
          <label key={level} className="flex items-center gap-2">
            <input type="checkbox" value={level} {...form.register("levels")} data-testid={`record-consent-${level}`} />
            {t(`consentLevels.${level}`)}
          </label>
        ))}
        {errors.levels?.message && <p className="text-sm font-medium text-red-800">{message(errors.levels.message)}</p>}
      </fieldset>
      <TextInput id="consentGivenOn" type="date" label={t("givenOn")} required registration={form.register("givenOn")} error={errors.givenOn?.message} />
      <TextInput id="consentGivenBy" label={t("givenBy")} required registration={form.register("givenBy")} error={errors.givenBy?.message} />
      <TextInput id="consentWording" dir="ltr" label={t("wordingVersion")} required registration={form.register("wordingVersion")} error={errors.wordingVersion?.message} />
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>{t("recordConsent")}</button>
    </HydratedForm>
  );
}

/** A consent withdrawn through the office, on the signed withdrawal form's version. */
export function WithdrawDataConsentForm(props: { action: (values: WithdrawDataConsentValues) => Promise<ActionResult<unknown>>; consentId: string; version: number }) {
  const t = useTranslations("OnlineReport.staff");
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: withdrawDataConsentSchema,
    action: props.action,
    defaultValues: { consentId: props.consentId, version: props.version, withdrawnOn: todayInTarhuna(), wordingVersion: "", note: "" },
    successKey: "OnlineReport.consentWithdrawn",
    onSuccess: () => router.refresh(),
  });
  const { errors } = form.formState;
  const id = (name: string) => `${name}-${props.consentId}`;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-accent underline">{t("withdrawHeading")}</summary>
      <HydratedForm onSubmit={confirmFirst(t("withdrawConfirm"), submit)} noValidate className="mt-2 space-y-3" data-testid="withdraw-data-consent-form">
        <FormMessage message={outcome} />
        <ConflictNotice conflict={conflict} />
        <p className="text-sm" data-testid="withdraw-irreversible">{t("withdrawIrreversible")}</p>
        <TextInput id={id("withdrawnOn")} type="date" label={t("withdrawnOn")} required registration={form.register("withdrawnOn")} error={errors.withdrawnOn?.message} />
        <TextInput id={id("withdrawalWording")} dir="ltr" label={t("withdrawalWording")} required registration={form.register("wordingVersion")} error={errors.wordingVersion?.message} />
        <TextInput id={id("withdrawalNote")} label={t("withdrawalNote")} required multiline registration={form.register("note")} error={errors.note?.message} />
        <button type="submit" disabled={form.formState.isSubmitting} className={dangerButtonClassName}>{t("withdraw")}</button>
      </HydratedForm>
    </details>
  );
}
