"use client";

import { TemporaryPasswordFields } from "./temporary-password-fields";
import { useTranslations } from "next-intl";
import { useEffect, useRef, type FormEvent } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import type { UserChange } from "@/lib/users/manage";
import { resetPasswordSchema, type ResetPasswordValues } from "@/lib/users/schemas";
import { dangerButtonClassName } from "./button-class";
import { ConfirmDialog } from "./confirm-dialog";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface ResetPasswordFormProps {
  user: { id: string; version: number };
  action: (values: ResetPasswordValues) => Promise<ActionResult<UserChange>>;
  /** Tells the page the new version, which every form on it must send next. */
  onChanged: (change: UserChange) => void;
}

export function ResetPasswordForm({ user, action, onChanged }: ResetPasswordFormProps) {
  const t = useTranslations("Users");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const { form, submit, outcome } = useActionForm({
    schema: resetPasswordSchema,
    action,
    defaultValues: { userId: user.id, version: user.version, newPassword: "", confirmPassword: "" },
    successKey: "Users.passwordResetDone",
    onSuccess: (change) => {
      onChanged(change);
      form.resetField("newPassword");
      form.resetField("confirmPassword");
      router.refresh();
    },
  });
  useEffect(() => form.setValue("version", user.version), [form, user.version]);
  // The fields are checked first, so the question is asked only about a password that can be set.
  const askFirst = (event: FormEvent<HTMLFormElement>) =>
    void form.handleSubmit(() => dialog.current?.showModal())(event);
  const { errors, isSubmitting } = form.formState;
  return (
    <HydratedForm onSubmit={askFirst} noValidate className="space-y-4" data-testid="reset-password-form">
      <FormMessage message={outcome} />
      <TemporaryPasswordFields idPrefix="reset" register={form.register} errors={errors} />
      <button type="submit" disabled={isSubmitting} className={dangerButtonClassName}>
        {t("resetPassword")}
      </button>
      <ConfirmDialog
        id="confirm-reset"
        dialogRef={dialog}
        question={t("confirmReset")}
        confirmLabel={t("confirmResetYes")}
        onConfirm={() => void submit()}
      />
    </HydratedForm>
  );
}
