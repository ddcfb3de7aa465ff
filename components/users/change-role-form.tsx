"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import type { UserChange } from "@/lib/users/manage";
import { changeRoleSchema, type ChangeRoleValues } from "@/lib/users/schemas";
import { primaryButtonClassName } from "./button-class";
import { SelectInput } from "./select-input";
import { useRoleChoices } from "./use-choices";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface ChangeRoleFormProps {
  user: Pick<ChangeRoleValues, "role" | "version"> & { id: string };
  action: (values: ChangeRoleValues) => Promise<ActionResult<UserChange>>;
  /** Tells the page the new version, which every form on it must send next. */
  onChanged: (change: UserChange) => void;
}

export function ChangeRoleForm({ user, action, onChanged }: ChangeRoleFormProps) {
  const t = useTranslations("Users");
  const router = useRouter();
  const roleChoices = useRoleChoices();
  const { form, submit, outcome } = useActionForm({
    schema: changeRoleSchema,
    action,
    defaultValues: { userId: user.id, role: user.role, version: user.version },
    successKey: "Users.roleChanged",
    onSuccess: (change) => {
      onChanged(change);
      router.refresh();
    },
  });
  // The other forms on the page move the version on too: always send the newest.
  useEffect(() => form.setValue("version", user.version), [form, user.version]);
  const { errors, isSubmitting } = form.formState;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-4" data-testid="change-role-form">
      <FormMessage message={outcome} />
      <SelectInput
        id="role"
        label={t("role")}
        hint={t("roleHint")}
        options={roleChoices}
        registration={form.register("role")}
        error={errors.role?.message}
      />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
        {t("changeRole")}
      </button>
    </HydratedForm>
  );
}
