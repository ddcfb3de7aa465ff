"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, inputClassName } from "@/components/forms/field";

interface SelectInputProps {
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  registration: UseFormRegisterReturn;
  error?: string;
  hint?: string;
}

export function SelectInput({ id, label, options, registration, error, hint }: SelectInputProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint} required>
      {(describedBy, invalid) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid} className={inputClassName} {...registration}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
