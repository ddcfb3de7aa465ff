"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { DateInput } from "@/components/forms/date-input";
import { primaryButtonClassName } from "@/components/users/button-class";
import { ConfirmDialog } from "@/components/users/confirm-dialog";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { NOTIFICATION_METHODS, recordNotificationSchema, type RecordNotificationValues } from "@/lib/identifications/schemas";
import { useStepForm } from "./use-step-form";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface NotificationFormProps {
  identification: { id: string; version: number };
  signedInName: string;
  today: string;
  action: (values: RecordNotificationValues) => Promise<ActionResult<unknown>>;
}

/** The family was told in person: when and how; who told them is the signed-in user. */
export function NotificationForm({ identification, signedInName, today, action }: NotificationFormProps) {
  const t = useTranslations("Identifications");
  const { form, outcome, dialog, askFirst, submitConfirmed } = useStepForm({
    schema: recordNotificationSchema,
    action,
    defaultValues: { identificationId: identification.id, version: identification.version, notifiedOn: today, notificationMethod: "in_person" },
    successKey: "Identifications.notificationDone",
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <HydratedForm onSubmit={askFirst} noValidate className="space-y-3" data-testid="notification-form" aria-labelledby="notification-title">
      <h3 id="notification-title" className="font-semibold">{t("notificationTitle")}</h3>
      <FormMessage message={outcome} />
      <DateInput id="notifiedOn" label={t("notifiedOn")} name="notifiedOn" control={form.control} error={errors.notifiedOn?.message} required />
      <SelectInput
        id="notificationMethod"
        label={t("notificationMethod")}
        options={NOTIFICATION_METHODS.map((method) => ({ value: method, label: t(`methods.${method}`) }))}
        registration={form.register("notificationMethod")}
        error={errors.notificationMethod?.message}
      />
      <p className="text-sm text-muted">{t("notifiedByYou", { name: signedInName })}</p>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>{t("recordNotification")}</button>
      <ConfirmDialog id="notification" dialogRef={dialog} question={t("notificationQuestion")} confirmLabel={t("recordNotification")} onConfirm={submitConfirmed} />
    </HydratedForm>
  );
}
