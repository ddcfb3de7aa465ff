"use client";

import type { InputHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, inputClassName } from "./field";

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: string;
  required?: boolean;
  /** A text area for free text (circumstances, narratives) instead of a single line. */
  multiline?: boolean;
}

/**
 * A labelled text input (or text area) wired to react-hook-form, with its hint and error announced
 * to screen readers. Direction follows the text typed unless `dir` says otherwise ("ltr" for codes,
 * usernames and numbers inside an Arabic page).
 */
export function TextInput({ id, label, registration, error, hint, required, multiline, ...inputProps }: TextInputProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      {(describedBy, invalid) =>
        multiline ? (
          <textarea
            id={id}
            dir="auto"
            rows={4}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-required={required}
            className={inputClassName}
            {...registration}
          />
        ) : (
          <input
            id={id}
            dir="auto"
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            aria-required={required}
            className={inputClassName}
            {...inputProps}
            {...registration}
          />
        )
      }
    </Field>
  );
}
