"use client";

import { useTranslations } from "next-intl";
import { get, useFieldArray, useFormContext } from "react-hook-form";
import { TextInput } from "@/components/forms/text-input";
import { SelectInput } from "@/components/users/select-input";
import { numberOrNaN } from "@/components/forms/number-values";
import { useMessage } from "@/components/forms/use-message";
import type { Choice } from "./choices";

/** One column of a repeated row: a choice from a list, a number, or free text. */
export type ItemColumn =
  | { key: string; label: string; options: readonly Choice[] }
  | { key: string; label: string; number: true }
  | { key: string; label: string; text: true };

interface ItemListFieldsProps {
  /** The form's array field (marks, teeth, medical, belongings). */
  name: string;
  legend: string;
  hint: string;
  columns: readonly ItemColumn[];
  emptyItem: Record<string, unknown>;
}

/**
 * A repeated list of structured rows (marks, teeth, findings, items) on the AM and PM forms: each
 * row's inputs labelled, its errors beside them, rows added and removed freely (the whole record is
 * versioned and audited on save).
 */
export function ItemListFields({ name, legend, hint, columns, emptyItem }: ItemListFieldsProps) {
  const t = useTranslations("AmPm");
  const message = useMessage();
  const { control, register, formState } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name });
  const listError = get(formState.errors, `${name}.message`) as string | undefined;
  return (
    <fieldset className="space-y-3" data-testid={`${name}-list`}>
      <legend className="font-medium">{legend}</legend>
      <p className="text-sm text-muted">{hint}</p>
      {listError && <p className="text-sm font-medium text-red-800">{message(listError)}</p>}
      {fields.map((field, index) => (
        <div key={field.id} className="grid items-end gap-3 rounded border border-line p-3 sm:grid-cols-[repeat(auto-fit,minmax(10rem,1fr))]" data-testid={`${name}-row`}>
          {columns.map((column) => {
            const id = `${name}-${index}-${column.key}`;
            const path = `${name}.${index}.${column.key}`;
            const error = get(formState.errors, `${path}.message`) as string | undefined;
            if ("options" in column) return <SelectInput key={column.key} id={id} label={column.label} options={column.options} registration={register(path)} error={error} />;
            if ("number" in column) {
              return <TextInput key={column.key} id={id} label={column.label} type="number" dir="ltr" required registration={register(path, { setValueAs: numberOrNaN })} error={error} />;
            }
            return <TextInput key={column.key} id={id} label={column.label} registration={register(path)} error={error} />;
          })}
          <button type="button" onClick={() => remove(index)} className="rounded border border-line px-3 py-2 text-sm">
            {t("removeRow")}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => append(emptyItem)} className="rounded border border-line px-3 py-2 text-sm font-medium" data-testid={`add-${name}`}>
        {t("addRow")}
      </button>
    </fieldset>
  );
}
