"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, inputClassName } from "@/components/forms/field";

interface TextAreaInputProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: string;
}

/** A labelled multi-line input (descriptions, notes) with its hint and error. */
export function TextAreaInput({ id, label, registration, error, hint }: TextAreaInputProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(describedBy, invalid) => (
        <textarea id={id} rows={3} aria-describedby={describedBy} aria-invalid={invalid} className={inputClassName} {...registration} />
      )}
    </Field>
  );
}
