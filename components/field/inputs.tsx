"use client";

import type { ReactNode } from "react";
import { Field, inputClassName } from "@/components/forms/field";
import { FileChooser } from "@/components/forms/file-chooser";

/** Plain labelled inputs for the offline forms: read with FormData, checked with the online schemas. */
export function Input(props: { scope: string; name: string; label: string; errors: Record<string, string>; type?: string; defaultValue?: string | number; dir?: "ltr"; step?: string; required?: boolean }) {
  const { scope, name, label, errors, ...rest } = props;
  return (
    <Field id={`${scope}-${name}`} label={label} error={errors[name]} required={rest.required}>
      {(describedBy, invalid) => (
        <input id={`${scope}-${name}`} name={name} dir={rest.dir ?? "auto"} autoComplete="off" aria-describedby={describedBy} aria-invalid={invalid} className={inputClassName} type={rest.type ?? "text"} step={rest.step} defaultValue={rest.defaultValue} />
      )}
    </Field>
  );
}

export function TextArea(props: { scope: string; name: string; label: string; errors: Record<string, string>; defaultValue?: string }) {
  return (
    <Field id={`${props.scope}-${props.name}`} label={props.label} error={props.errors[props.name]}>
      {(describedBy, invalid) => (
        <textarea id={`${props.scope}-${props.name}`} name={props.name} dir="auto" rows={3} aria-describedby={describedBy} aria-invalid={invalid} className={inputClassName} defaultValue={props.defaultValue} />
      )}
    </Field>
  );
}

export function Select(props: { scope: string; name: string; label: string; errors: Record<string, string>; options: readonly { value: string; label: string }[]; defaultValue?: string; onChange?: (value: string) => void }) {
  return (
    <Field id={`${props.scope}-${props.name}`} label={props.label} error={props.errors[props.name]}>
      {(describedBy, invalid) => (
        <select id={`${props.scope}-${props.name}`} name={props.name} aria-describedby={describedBy} aria-invalid={invalid} className={inputClassName} defaultValue={props.defaultValue} onChange={(event) => props.onChange?.(event.target.value)}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A photograph input: `camera` opens the device's back camera on a phone or tablet, else any file. */
export function PhotoInput(props: { scope: string; name: string; label: string; errors: Record<string, string>; camera: boolean }) {
  const id = `${props.scope}-${props.name}`;
  return (
    <Field id={id} label={props.label} error={props.errors[props.name]}>
      {(describedBy, invalid) => <FileChooser id={id} name={props.name} accept="image/*" capture={props.camera ? "environment" : undefined} aria-describedby={describedBy} aria-invalid={invalid} />}
    </Field>
  );
}

export function FormCard({ title, testId, onSubmit, children, submitLabel }: { title: string; testId: string; onSubmit: (form: FormData, element: HTMLFormElement) => void; children: ReactNode; submitLabel: string }) {
  return (
    <form
      data-testid={testId}
      noValidate
      className="space-y-3 rounded border border-line p-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(new FormData(event.currentTarget), event.currentTarget);
      }}
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
      <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-white hover:opacity-90">
        {submitLabel}
      </button>
    </form>
  );
}

export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** An empty number field is null (the schema says whether that is allowed); anything else a number. */
export function numberOrNull(form: FormData, name: string): number | null {
  const value = text(form, name).trim();
  return value === "" ? null : Number(value);
}
