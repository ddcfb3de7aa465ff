"use client";

import { Field } from "@/components/forms/field";
import { FileChooser } from "@/components/forms/file-chooser";

/** A file picker whose content goes into the form as text: the browser reads it, the action parses it. */
export function CsvFileInput({ id, label, hint, error, onText }: { id: string; label: string; hint?: string; error?: string; onText: (text: string) => void }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required>
      {(describedBy, invalid) => (
        <FileChooser
          id={id}
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          aria-describedby={describedBy}
          aria-invalid={invalid}
          aria-required
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
