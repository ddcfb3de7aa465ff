"use client";

import { useRef, type FormEvent } from "react";
import type { DefaultValues, FieldValues } from "react-hook-form";
import type { z } from "zod";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";

/**
 * A workflow step's form: checked in the browser first, then a confirmation dialog, then the
 * action; on success the page reloads its data, so the buttons offered are the next allowed steps.
 */
export function useStepForm<Values extends FieldValues>(options: {
  schema: z.ZodType<Values, Values>;
  action: (values: Values) => Promise<ActionResult<unknown>>;
  defaultValues: DefaultValues<Values>;
  successKey: string;
}) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const { form, submit, outcome } = useActionForm({ ...options, onSuccess: () => router.refresh() });
  const askFirst = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // trigger() only validates and never rejects; invalid fields show their own messages.
    void form.trigger().then((valid) => {
      if (valid) dialog.current?.showModal();
    });
  };
  return { form, outcome, dialog, askFirst, submitConfirmed: () => void submit() };
}
