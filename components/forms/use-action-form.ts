"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, type BaseSyntheticEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Mode, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionFailure, ActionResult } from "@/lib/actions/result";

type FormOutcome = { kind: "error" | "success"; key: string } | null;

/**
 * react-hook-form with the same zod schema the server action parses: the browser catches mistakes
 * at once, the server re-checks, and its field errors land next to the same fields.
 */
export function useActionForm<Values extends FieldValues, Data>(options: {
  schema: z.ZodType<Values, Values>;
  action: (values: Values) => Promise<ActionResult<Data>>;
  defaultValues: DefaultValues<Values>;
  successKey?: string;
  onSuccess?: (data: Data, values: Values) => void;
  /** When fields are first checked; "onTouched" unless a form's layout cannot take messages appearing on blur. */
  mode?: Mode;
}) {
  const form = useForm<Values>({ resolver: zodResolver(options.schema), defaultValues: options.defaultValues, mode: options.mode ?? "onTouched" });
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  // Who saved over the version this form was loaded with, shown so nobody overwrites them blindly.
  const [conflict, setConflict] = useState<ActionFailure["conflict"] | null>(null);
  const handleSubmit = form.handleSubmit(async (values) => {
    setOutcome(null);
    setConflict(null);
    let result: ActionResult<Data>;
    try {
      result = await options.action(values);
    } catch {
      // A network failure or a server bug: the server kept nothing (one transaction per action).
      setOutcome({ kind: "error", key: "Actions.unexpected" });
      return;
    }
    if (result.ok) {
      setOutcome({ kind: "success", key: options.successKey ?? "Actions.saved" });
      options.onSuccess?.(result.data, values);
      return;
    }
    if (result.error === "awaitingApproval") {
      // Not a mistake of the user's: the step now waits for a second staff member.
      setOutcome({ kind: "success", key: result.message });
      return;
    }
    for (const [field, key] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(field as Path<Values>, { type: "server", message: key });
    }
    setConflict(result.conflict ?? null);
    setOutcome({ kind: "error", key: result.message });
  });
  // For onSubmit, which ignores a returned promise: nothing is lost by not awaiting it, because the
  // handler settles every outcome itself (a failed or unreachable action included) and shows it.
  const submit = (event?: BaseSyntheticEvent) => void handleSubmit(event);
  return { form, submit, outcome, conflict };
}
