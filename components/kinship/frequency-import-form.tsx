"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { frequencyImportSchema, type FrequencyImportValues } from "@/lib/dna-profiles/schemas";
import { parseFrequencyCsv, type RowError } from "@/lib/kinship/csv";
import { frequencyTableProblems, type FrequencyTableProblem } from "@/lib/kinship/frequency-validation";
import { CsvFileInput } from "./csv-file-input";
import { RowErrorList } from "./row-error-list";
import { HydratedForm } from "@/components/forms/hydrated-form";

/**
 * Loads a published frequency table. The file is checked in the browser with the same parser the
 * action uses, so bad rows are listed before anything is sent; the action refuses them again.
 */
export function FrequencyImportForm({ action }: { action: (values: FrequencyImportValues) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations("Kinship");
  const [preview, setPreview] = useState<{ rows: number; errors: RowError[]; problems: FrequencyTableProblem[] } | null>(null);
  const { form, submit, outcome } = useActionForm({
    schema: frequencyImportSchema,
    action,
    defaultValues: { name: "", minFrequency: 0.001, csv: "" },
    successKey: "Kinship.tablePending",
  });
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-3" data-testid="frequency-import-form">
      <FormMessage message={outcome} />
      <input type="hidden" {...form.register("csv")} />
      <TextInput id="table-name" label={t("tableName")} required registration={form.register("name")} error={form.formState.errors.name?.message} />
      <TextInput
        id="min-frequency"
        label={t("minFrequency")}
        hint={t("minFrequencyHint")}
        required
        dir="ltr"
        inputMode="decimal"
        registration={form.register("minFrequency", { valueAsNumber: true })}
        error={form.formState.errors.minFrequency?.message}
      />
      <CsvFileInput
        id="frequency-file"
        label={t("frequencyFile")}
        error={form.formState.errors.csv?.message}
        onText={(text) => {
          const parsed = parseFrequencyCsv(text);
          setPreview(text ? { rows: parsed.rows.length, errors: parsed.errors, problems: frequencyTableProblems(parsed.rows) } : null);
          form.setValue("csv", text, { shouldValidate: true });
        }}
      />
      {preview && <p role="status">{t("fileRows", { rows: preview.rows })}</p>}
      {preview && <RowErrorList errors={preview.errors.slice(0, 200)} total={preview.errors.length} />}
      {preview && preview.problems.length > 0 && (
        <ul className="list-disc space-y-1 ps-5 text-red-800" data-testid="frequency-problems">
          {preview.problems.map((problem) => (
            <li key={problem.locus}>
              {problem.code === "locusSum" ? t("problemLocusSum", { locus: problem.locus, sum: problem.sum }) : t("problemLocusName", { locus: problem.locus })}
            </li>
          ))}
        </ul>
      )}
      <button type="submit" disabled={form.formState.isSubmitting || (preview?.errors.length ?? 0) > 0 || (preview?.problems.length ?? 0) > 0} className={primaryButtonClassName}>
        {form.formState.isSubmitting ? t("loading") : t("loadTable")}
      </button>
    </HydratedForm>
  );
}
