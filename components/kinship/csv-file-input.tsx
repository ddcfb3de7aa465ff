"use client";

import { Field, inputClassName } from "@/components/forms/field";

/** A file picker whose content goes into the form as text: the browser reads it, the action parses it. */
export function CsvFileInput({ id, label, hint, error, onText }: { id: string; label: string; hint?: string; error?: string; onText: (text: string) => void }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(describedBy, invalid) => (
        <input
          id={id}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required
          className={inputClassName}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then(onText);
            else onText("");
          }}
        />
      )}
    </Field>
  );
}
