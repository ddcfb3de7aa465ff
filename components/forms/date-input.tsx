"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useController, type Control, type FieldPath, type FieldValues } from "react-hook-form";
import { formatDayMonthYear, parseDayMonthYear } from "@/lib/forms/day-month-year";
import { Field, inputClassName } from "./field";

interface DateInputProps<Values extends FieldValues> {
  id: string;
  label: string;
  name: FieldPath<Values>;
  control: Control<Values>;
  error?: string;
  required?: boolean;
}

/**
 * A date typed as day/month/year in every language and browser: a native date input shows the
 * browser's format (mm/dd/yyyy on an English Windows PC, even inside an Arabic page). The form holds
 * the ISO day once what is typed is a date, and the typed text otherwise, so the form's zod schema
 * refuses it with its own message ("dateFormat"). A plain text field: every keyboard and screen
 * reader handles it, and the format is in its label's hint.
 */
export function DateInput<Values extends FieldValues>({ id, label, name, control, error, required }: DateInputProps<Values>) {
  const t = useTranslations("Common");
  const { field } = useController({ name, control });
  const value = typeof field.value === "string" ? field.value : "";
  // What the field shows, beside the form value it was typed for. When the form's value changes
  // from outside (a reset after saving, another record loaded), the shown text follows it; a
  // change this field made keeps the words as typed ("1/3/2024" stays, not "01/03/2024").
  const [shown, setShown] = useState(() => ({ value, text: formatDayMonthYear(value) }));
  if (shown.value !== value) setShown({ value, text: formatDayMonthYear(value) });
  return (
    <Field id={id} label={label} error={error} hint={t("dateHint")} required={required}>
      {(describedBy, invalid) => (
        <input
          id={id}
          ref={field.ref}
          name={field.name}
          type="text"
          inputMode="numeric"
          dir="ltr"
          autoComplete="off"
          placeholder={t("datePlaceholder")}
          value={shown.text}
          onChange={(event) => {
            const typed = event.target.value;
            const next = typed.trim() === "" ? "" : (parseDayMonthYear(typed) ?? typed);
            setShown({ value: next, text: typed });
            field.onChange(next);
          }}
          onBlur={field.onBlur}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required={required}
          className={`${inputClassName} text-start`}
          data-date-input
        />
      )}
    </Field>
  );
}
