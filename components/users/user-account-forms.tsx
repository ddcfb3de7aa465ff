"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { UserChange } from "@/lib/users/manage";
import type { ChangeRoleValues, ResetPasswordValues, ResetSecondFactorValues, SetDisabledValues } from "@/lib/users/schemas";
import { ChangeRoleForm } from "./change-role-form";
import { FormSection } from "./form-section";
import { ResetPasswordForm } from "./reset-password-form";
import { ResetSecondFactorForm } from "./reset-second-factor-form";
import { SetDisabledForm } from "./set-disabled-form";

type Action<Values> = (values: Values) => Promise<ActionResult<UserChange>>;

interface UserAccountFormsProps {
  user: Pick<ChangeRoleValues, "role" | "version"> & { id: string; disabled: boolean; secondFactorOn: boolean };
  changeRole: Action<ChangeRoleValues>;
  setDisabled: Action<SetDisabledValues>;
  resetPassword: Action<ResetPasswordValues>;
  resetSecondFactor: Action<ResetSecondFactorValues>;
}

/**
 * The changes an administrator can make to an account. Each one moves the row's version on,
 * so the others must send the new one at once, before the refreshed page arrives; versions only
 * grow, so the newest is whichever is higher, the saved one or the server's.
 */
export function UserAccountForms({ user, changeRole, setDisabled, resetPassword, resetSecondFactor }: UserAccountFormsProps) {
  const t = useTranslations("Users");
  const [savedVersion, setSavedVersion] = useState(0);
  const current = { ...user, version: Math.max(user.version, savedVersion) };
  const onChanged = (change: UserChange) => setSavedVersion((previous) => Math.max(previous, change.version));
  return (
    <>
      <FormSection id="role" heading={t("roleHeading")}>
        <ChangeRoleForm user={current} action={changeRole} onChanged={onChanged} />
      </FormSection>
      <FormSection id="access" heading={t("accessHeading")}>
        <SetDisabledForm user={current} action={setDisabled} onChanged={onChanged} />
      </FormSection>
      <FormSection id="password" heading={t("passwordHeading")} intro={t("passwordIntro")}>
        <ResetPasswordForm user={current} action={resetPassword} onChanged={onChanged} />
      </FormSection>
      {user.secondFactorOn && (
        <FormSection id="second-factor" heading={t("secondFactorHeading")} intro={t("secondFactorIntro")}>
          <ResetSecondFactorForm user={current} action={resetSecondFactor} onChanged={onChanged} />
        </FormSection>
      )}
    </>
  );
}
