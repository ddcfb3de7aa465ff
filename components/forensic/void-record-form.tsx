"use client";

import { useTranslations } from "next-intl";
import { confirmFirst } from "@/components/forms/confirm-first";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { dangerButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { voidRecordSchema, type VoidRecordValues } from "@/lib/forensic/schemas/void-record";
import { HydratedForm } from "@/components/forms/hydrated-form";

/** An administrator voids a record entered in error; it stays, with the reason, out of lists and counts. */
export function VoidRecordForm({ recordId, version, action }: { recordId: string; version?: number; action: (values: VoidRecordValues) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations("Forensic");
  const { form, submit, outcome, conflict } = useActionForm({
    schema: voidRecordSchema,
    action,
    defaultValues: { recordId, reason: "", version },
    successKey: "Forensic.voidedDone",
  });
  const confirmThenSubmit = confirmFirst(t("voidConfirm"), submit);
  return (
    <section className="space-y-3 rounded border border-red-200 p-4" aria-labelledby="void-title">
      <h2 id="void-title" className="text-lg font-semibold">
        {t("voidTitle")}
      </h2>
      <p className="text-sm text-muted">{t("voidIntro")}</p>
      <HydratedForm onSubmit={confirmThenSubmit} noValidate className="space-y-3" data-testid="void-record-form">
        <FormMessage message={outcome} />
        <ConflictNotice conflict={conflict} />
        <TextInput id="reason" label={t("voidReason")} required registration={form.register("reason")} error={form.formState.errors.reason?.message} />
        <button type="submit" disabled={form.formState.isSubmitting} className={dangerButtonClassName}>
          {form.formState.isSubmitting ? t("saving") : t("voidSubmit")}
        </button>
      </HydratedForm>
    </section>
  );
}
