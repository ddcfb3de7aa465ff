"use client";

import { TemporaryPasswordFields } from "./temporary-password-fields";
import { useTranslations } from "next-intl";
import { Field, inputClassName } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { createUserSchema, type CreateUserValues } from "@/lib/users/schemas";
import { primaryButtonClassName } from "./button-class";
import { SelectInput } from "./select-input";
import { useLocaleChoices, useRoleChoices } from "./use-choices";
import { HydratedForm } from "@/components/forms/hydrated-form";

const EMPTY_USER: CreateUserValues = {
  username: "",
  displayName: "",
  // The least privilege until the administrator chooses otherwise.
  role: "viewer",
  locale: "ar",
  newPassword: "",
  confirmPassword: "",
};

type CreateUserAction = (values: CreateUserValues) => Promise<ActionResult<{ userId: string }>>;

export function CreateUserForm({ action }: { action: CreateUserAction }) {
  const t = useTranslations("Users");
  const router = useRouter();
  const roleChoices = useRoleChoices();
  const localeChoices = useLocaleChoices();
  const { form, submit, outcome } = useActionForm({
    schema: createUserSchema,
    action,
    defaultValues: EMPTY_USER,
    successKey: "Users.created",
    onSuccess: () => {
      form.reset(EMPTY_USER);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="create-user-form">
      <FormMessage message={outcome} />
      <Field id="username" label={t("username")} hint={t("usernameHint")} error={errors.username?.message} required>
        {(describedBy, invalid) => (
          <input
            id="username"
            dir="ltr"
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClassName}
            {...form.register("username")}
          />
        )}
      </Field>
      <Field id="displayName" label={t("displayName")} hint={t("displayNameHint")} error={errors.displayName?.message} required>
        {(describedBy, invalid) => (
          <input
            id="displayName"
            dir="auto"
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            className={inputClassName}
            {...form.register("displayName")}
          />
        )}
      </Field>
      <SelectInput id="role" label={t("role")} options={roleChoices} registration={form.register("role")} error={errors.role?.message} />
      <SelectInput
        id="locale"
        label={t("locale")}
        options={localeChoices}
        registration={form.register("locale")}
        error={errors.locale?.message}
      />
      <TemporaryPasswordFields register={form.register} errors={errors} />
      <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
        {t("create")}
      </button>
    </HydratedForm>
  );
}
