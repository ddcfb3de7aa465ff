"use client";

import type { ReactNode } from "react";
import { useMessage } from "./use-message";

interface FieldProps {
  id: string;
  label: string;
  /** A message key, shown under the input and announced by screen readers. */
  error?: string;
  hint?: string;
  required?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** A labelled input with its hint and error, wired for screen readers (aria-describedby, aria-invalid). */
export function Field({ id, label, error, hint, required, children }: FieldProps) {
  const message = useMessage();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
        {required && <span aria-hidden="true" className="text-red-700"> *</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {children(describedBy, Boolean(error))}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {message(error)}
        </p>
      )}
    </div>
  );
}

export const inputClassName =
  "block w-full rounded border border-line bg-white px-3 py-2 aria-[invalid=true]:border-red-700 disabled:opacity-60";
