"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type FormEvent } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import type { UserChange } from "@/lib/users/manage";
import { setDisabledSchema, type SetDisabledValues } from "@/lib/users/schemas";
import { dangerButtonClassName, primaryButtonClassName } from "./button-class";
import { ConfirmDialog } from "./confirm-dialog";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface SetDisabledFormProps {
  user: { id: string; disabled: boolean; version: number };
  action: (values: SetDisabledValues) => Promise<ActionResult<UserChange>>;
  /** Tells the page the new version, which every form on it must send next. */
  onChanged: (change: UserChange) => void;
}

/** One button that disables an enabled account (after a confirmation) or enables a disabled one. */
export function SetDisabledForm({ user, action, onChanged }: SetDisabledFormProps) {
  const t = useTranslations("Users");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const willDisable = !user.disabled;
  const { form, submit, outcome } = useActionForm({
    schema: setDisabledSchema,
    action,
    defaultValues: { userId: user.id, disabled: willDisable, version: user.version },
    successKey: willDisable ? "Users.disabledDone" : "Users.enabledDone",
    onSuccess: (change) => {
      onChanged(change);
      router.refresh();
    },
  });
  // After a refresh the page shows the new state: the button then offers the opposite change.
  useEffect(() => {
    form.setValue("disabled", willDisable);
    form.setValue("version", user.version);
  }, [form, willDisable, user.version]);
  const requestChange = (event: FormEvent<HTMLFormElement>) => {
    if (!willDisable) return void submit(event);
    event.preventDefault();
    dialog.current?.showModal();
  };
  return (
    <HydratedForm onSubmit={requestChange} noValidate className="space-y-4" data-testid="set-disabled-form">
      <FormMessage message={outcome} />
      <p>{user.disabled ? t("accessDisabled") : t("accessEnabled")}</p>
      <button
        type="submit"
        disabled={form.formState.isSubmitting}
        className={willDisable ? dangerButtonClassName : primaryButtonClassName}
      >
        {willDisable ? t("disable") : t("enable")}
      </button>
      <ConfirmDialog
        id="confirm-disable"
        dialogRef={dialog}
        question={t("confirmDisable")}
        confirmLabel={t("confirmDisableYes")}
        onConfirm={() => void submit()}
      />
    </HydratedForm>
  );
}
