"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/forms/use-message";
import { dangerButtonClassName, primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { acceptReportSchema, rejectReportSchema, type AcceptReportValues, type RejectReportValues } from "@/lib/online-reports/schemas";
import { ACCEPT_MODES, REJECTION_KINDS } from "@/lib/online-reports/values";

interface PersonChoice {
  id: string;
  label: string;
}

interface AcceptFormProps {
  action: (values: AcceptReportValues) => Promise<ActionResult<unknown>>;
  reportId: string;
  version: number;
  /** The new family's details as the reporter gave them; the registrar may change them. */
  newFamily: NonNullable<AcceptReportValues["newFamily"]>;
  /** The likely duplicates listed above: the people on file the report may be about. */
  people: PersonChoice[];
}

const selectClassName = "block w-full rounded border border-line bg-white px-3 py-2";

/** Accepts the report: a new family and person, a new person in a family on file, or a person on file. */
export function AcceptReportForm({ action, reportId, version, newFamily, people }: AcceptFormProps) {
  const t = useTranslations("OnlineReport.staff");
  const message = useMessage();
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: acceptReportSchema,
    // Only what the chosen way needs is sent: a new family's fields mean nothing when linking.
    action: (values) =>
      action({
        reportId: values.reportId,
        version: values.version,
        mode: values.mode,
        ...(values.mode === "newFamily" ? { newFamily: values.newFamily } : {}),
        ...(values.mode === "existingFamily" ? { familyReference: values.familyReference } : {}),
        ...(values.mode === "existingPerson" ? { missingPersonId: values.missingPersonId } : {}),
      }),
    defaultValues: { reportId, version, mode: people.length > 0 ? "existingPerson" : "newFamily", newFamily, familyReference: "", missingPersonId: people[0]?.id },
    successKey: "OnlineReport.accepted",
    onSuccess: () => router.refresh(),
  });
  const mode = form.watch("mode");
  const { errors } = form.formState;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-3" data-testid="accept-report-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("acceptMode")}</legend>
        {ACCEPT_MODES.filter((choice) => choice !== "existingPerson" || people.length > 0).map((choice) => (
          <label key={choice} className="flex items-center gap-2">
            <input type="radio" value={choice} {...form.register("mode")} data-testid={`accept-mode-${choice}`} />
            {t(`modes.${choice}`)}
          </label>
        ))}
      </fieldset>
      {mode === "newFamily" && (
        <div className="space-y-3">
          <TextInput id="newFamily.reference" dir="ltr" label={t("newFamilyReference")} required registration={form.register("newFamily.reference")} error={errors.newFamily?.reference?.message} />
          <TextInput id="newFamily.contactName" label={t("newFamilyContact")} required registration={form.register("newFamily.contactName")} error={errors.newFamily?.contactName?.message} />
          <TextInput id="newFamily.phone" dir="ltr" label={t("newFamilyPhone")} registration={form.register("newFamily.phone")} error={errors.newFamily?.phone?.message} />
          <TextInput id="newFamily.area" label={t("newFamilyArea")} registration={form.register("newFamily.area")} error={errors.newFamily?.area?.message} />
        </div>
      )}
      {mode === "existingFamily" && (
        <TextInput id="familyReference" dir="ltr" label={t("existingFamilyReference")} required registration={form.register("familyReference")} error={errors.familyReference?.message} />
      )}
      {mode === "existingPerson" && (
        <div className="space-y-1">
          <label htmlFor="missingPersonId" className="block font-medium">{t("existingPerson")}</label>
          <select id="missingPersonId" className={selectClassName} {...form.register("missingPersonId")}>
            {people.map((person) => (
              <option key={person.id} value={person.id}>{person.label}</option>
            ))}
          </select>
          {errors.missingPersonId?.message && <p className="text-sm font-medium text-red-800">{message(errors.missingPersonId.message)}</p>}
        </div>
      )}
      <p className="text-sm text-muted">{t("acceptHint")}</p>
      <button type="submit" disabled={form.formState.isSubmitting} className={primaryButtonClassName} data-testid="accept-report">
        {t("accept")}
      </button>
    </HydratedForm>
  );
}

/** Rejects the report with a reason; spam is deleted 30 days later. */
export function RejectReportForm({ action, reportId, version }: { action: (values: RejectReportValues) => Promise<ActionResult<unknown>>; reportId: string; version: number }) {
  const t = useTranslations("OnlineReport.staff");
  const router = useRouter();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: rejectReportSchema,
    action,
    defaultValues: { reportId, version, kind: "insufficient", reason: "" },
    successKey: "OnlineReport.rejected",
    onSuccess: () => router.refresh(),
  });
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-3" data-testid="reject-report-form">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      <div className="space-y-1">
        <label htmlFor="rejectKind" className="block font-medium">{t("rejectKind")}</label>
        <select id="rejectKind" className={selectClassName} {...form.register("kind")}>
          {REJECTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>{t(`kinds.${kind}`)}</option>
          ))}
        </select>
      </div>
      <TextInput id="rejectReason" label={t("rejectReason")} required multiline registration={form.register("reason")} error={form.formState.errors.reason?.message} />
      <button type="submit" disabled={form.formState.isSubmitting} className={dangerButtonClassName} data-testid="reject-report">
        {t("reject")}
      </button>
    </HydratedForm>
  );
}
