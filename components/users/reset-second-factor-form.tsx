"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import type { UserChange } from "@/lib/users/manage";
import { resetSecondFactorSchema, type ResetSecondFactorValues } from "@/lib/users/schemas";
import { dangerButtonClassName } from "./button-class";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface ResetSecondFactorFormProps {
  user: { id: string; version: number };
  action: (values: ResetSecondFactorValues) => Promise<ActionResult<UserChange>>;
  onChanged: (change: UserChange) => void;
}

export function ResetSecondFactorForm({ user, action, onChanged }: ResetSecondFactorFormProps) {
  const t = useTranslations("Users");
  const router = useRouter();
  const { form, submit, outcome } = useActionForm({
    schema: resetSecondFactorSchema,
    action,
    defaultValues: { userId: user.id, version: user.version },
    successKey: "Users.secondFactorResetDone",
    onSuccess: (change) => {
      onChanged(change);
      router.refresh();
    },
  });
  useEffect(() => form.setValue("version", user.version), [form, user.version]);
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-4" data-testid="reset-second-factor-form">
      <FormMessage message={outcome} />
      <button type="submit" disabled={form.formState.isSubmitting} className={dangerButtonClassName}>
        {t("resetSecondFactor")}
      </button>
    </HydratedForm>
  );
}
