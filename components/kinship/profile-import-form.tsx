"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { TextInput } from "@/components/forms/text-input";
import { useMessage } from "@/components/forms/use-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { profileImportSchema, type ProfileImportValues } from "@/lib/dna-profiles/schemas";
import type { RowError } from "@/lib/kinship/csv";
import { CsvFileInput } from "./csv-file-input";
import { RowErrorList } from "./row-error-list";
import { HydratedForm } from "@/components/forms/hydrated-form";

export interface ProfileImportResult {
  samples: number;
  loci: number;
  unchanged: number;
  retyped: number;
  errorCount: number;
  errors: RowError[];
}

/**
 * Uploads the laboratory's long-form CSV; good rows are stored, bad ones listed by line. A file that
 * changes calls already stored must be declared a re-typing, with the reason.
 */
export function ProfileImportForm({ action }: { action: (values: ProfileImportValues) => Promise<ActionResult<ProfileImportResult>> }) {
  const t = useTranslations("Kinship");
  const message = useMessage();
  const [result, setResult] = useState<ProfileImportResult | null>(null);
  const { form, submit, outcome } = useActionForm({
    schema: profileImportSchema,
    action,
    defaultValues: { csv: "", retyping: false, retypingReason: "" },
    successKey: "Kinship.imported",
    onSuccess: (data) => setResult(data),
  });
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-3" data-testid="profile-import-form">
      <FormMessage message={outcome} />
      <input type="hidden" {...form.register("csv")} />
      <CsvFileInput
        id="profile-file"
        label={t("profileFile")}
        hint={t("importProfilesHint")}
        error={form.formState.errors.csv?.message}
        onText={(text) => {
          setResult(null);
          form.setValue("csv", text, { shouldValidate: true });
        }}
      />
      <div className="space-y-1">
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-1" aria-describedby="retyping-hint" {...form.register("retyping")} />
          <span>{t("retypingLabel")}</span>
        </label>
        <p id="retyping-hint" className="text-sm text-muted">{t("retypingHint")}</p>
        {form.formState.errors.retyping?.message && <p className="text-sm font-medium text-red-800" role="alert">{message(form.formState.errors.retyping.message)}</p>}
      </div>
      {form.watch("retyping") && (
        <TextInput id="retyping-reason" label={t("retypingReason")} required multiline registration={form.register("retypingReason")} error={form.formState.errors.retypingReason?.message} />
      )}
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName}>
        {form.formState.isSubmitting ? t("importing") : t("importSubmit")}
      </button>
      {result && (
        <div className="space-y-3" data-testid="profile-import-result">
          <p role="status">{t("importSummary", { samples: result.samples, loci: result.loci, errors: result.errorCount })} {t("importUnchanged", { unchanged: result.unchanged, retyped: result.retyped })}</p>
          <RowErrorList errors={result.errors} total={result.errorCount} />
        </div>
      )}
    </HydratedForm>
  );
}
