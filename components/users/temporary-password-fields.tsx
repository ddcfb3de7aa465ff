"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { PasswordInput } from "@/components/forms/password-input";

interface TemporaryPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

/** The temporary password an admin gives a new or reset account, typed twice. */
export function TemporaryPasswordFields<Values extends TemporaryPasswordValues>({
  idPrefix = "",
  register,
  errors,
}: {
  idPrefix?: string;
  register: UseFormRegister<Values>;
  errors: FieldErrors<TemporaryPasswordValues>;
}) {
  const t = useTranslations("Users");
  const registerField = register as unknown as UseFormRegister<TemporaryPasswordValues>;
  return (
    <>
      <PasswordInput
        id={idPrefix ? `${idPrefix}NewPassword` : "newPassword"}
        label={t("temporaryPassword")}
        hint={t("temporaryPasswordHint")}
        autoComplete="new-password"
        registration={registerField("newPassword")}
        error={errors.newPassword?.message}
      />
      <PasswordInput
        id={idPrefix ? `${idPrefix}ConfirmPassword` : "confirmPassword"}
        label={t("confirmTemporaryPassword")}
        autoComplete="new-password"
        registration={registerField("confirmPassword")}
        error={errors.confirmPassword?.message}
      />
    </>
  );
}
