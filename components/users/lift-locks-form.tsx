"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { liftSignInLocksSchema, type LiftSignInLocksValues } from "@/lib/users/schemas";
import { primaryButtonClassName } from "./button-class";
import { HydratedForm } from "@/components/forms/hydrated-form";

interface LiftLocksFormProps {
  userId: string;
  /** Each lock in force, already worded for the reader ("From 203.0.113.7: until 10:42"). */
  locks: string[];
  action: (values: LiftSignInLocksValues) => Promise<ActionResult<{ lifted: number }>>;
}

export function LiftLocksForm({ userId, locks, action }: LiftLocksFormProps) {
  const t = useTranslations("Users");
  const router = useRouter();
  const { form, submit, outcome } = useActionForm({
    schema: liftSignInLocksSchema,
    action,
    defaultValues: { userId },
    successKey: "Users.locksLifted",
    onSuccess: () => router.refresh(),
  });
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-4" data-testid="lift-locks-form">
      <FormMessage message={outcome} />
      {locks.length === 0 ? (
        <p>{t("noLocks")}</p>
      ) : (
        <>
          <ul className="list-disc space-y-1 ps-6" data-testid="sign-in-locks">
            {locks.map((lock) => (
              <li key={lock}>{lock}</li>
            ))}
          </ul>
          <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
            {t("liftLocks")}
          </button>
        </>
      )}
    </HydratedForm>
  );
}
