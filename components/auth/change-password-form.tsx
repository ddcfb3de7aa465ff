"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { PasswordInput } from "@/components/forms/password-input";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { changePasswordSchema, type ChangePasswordValues } from "@/lib/auth/schemas/change-password";
import { HydratedForm } from "@/components/forms/hydrated-form";

export function ChangePasswordForm({ action }: { action: (values: ChangePasswordValues) => Promise<ActionResult<null>> }) {
  const t = useTranslations("Account");
  const locale = useLocale();
  const { form, submit, outcome } = useActionForm({
    schema: changePasswordSchema,
    // The fifth wrong current password ended the session on the server: end it in this browser too.
    action: async (values) => {
      const result = await action(values);
      if (!result.ok && result.error === "unauthenticated") await signOut({ redirect: false });
      return result;
    },
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    successKey: "Account.changed",
    // Every session of the account ended with the change: sign in again with the new password.
    onSuccess: () => void signOut({ callbackUrl: `/${locale}/login` }),
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <HydratedForm onSubmit={submit} method="post" noValidate className="space-y-5" data-testid="change-password-form">
      <FormMessage message={outcome} />
      <PasswordInput
        id="currentPassword"
        label={t("currentPassword")}
        autoComplete="current-password"
        registration={form.register("currentPassword")}
        error={errors.currentPassword?.message}
      />
      <PasswordInput
        id="newPassword"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        autoComplete="new-password"
        registration={form.register("newPassword")}
        error={errors.newPassword?.message}
      />
      <PasswordInput
        id="confirmPassword"
        label={t("confirmPassword")}
        autoComplete="new-password"
        registration={form.register("confirmPassword")}
        error={errors.confirmPassword?.message}
      />
      <button
        type="submit"
        disabled={isSubmitting}
        className="rounded bg-accent px-4 py-2 font-medium text-white hover:opacity-90 disabled:opacity-60"
      >
        {t("submit")}
      </button>
    </HydratedForm>
  );
}
