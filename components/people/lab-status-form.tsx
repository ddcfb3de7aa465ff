"use client";

import { useTranslations } from "next-intl";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { primaryButtonClassName } from "@/components/users/button-class";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { useRouter } from "@/lib/i18n/navigation";
import { todayInTarhuna } from "@/lib/people/dates";
import { nextLabSteps } from "@/lib/people/lab-status";
import { labStatusSchema, type LabStatusValues } from "@/lib/people/schemas";
import { HydratedForm } from "@/components/forms/hydrated-form";

type LabStatus = "collected" | "shipped" | "received" | "profiled" | "failed";
type ChangeLabStatusAction = (values: LabStatusValues) => Promise<ActionResult<{ version: number }>>;

/** A failure names its reason: the lab's report is the only other record of why. */
const labStepSchema = labStatusSchema.refine((values) => values.labStatus !== "failed" || values.failureReason !== "", {
  error: "required",
  path: ["failureReason"],
});

/** The first step a form offers after `current` (the next in line; failed only when nothing else is left). */
function firstStep(current: LabStatus): LabStatusValues["labStatus"] {
  return nextLabSteps(current).find((step): step is LabStatusValues["labStatus"] => step !== "collected") ?? "failed";
}

/**
 * Moves a reference sample one step along collected → shipped → received → profiled, or to failed,
 * with the step's date; every step adds to the sample's chain of custody.
 */
export function LabStatusForm(props: { action: ChangeLabStatusAction; sampleId: string; version: number; current: LabStatus; laboratory: string }) {
  const t = useTranslations("People");
  const router = useRouter();
  const steps = nextLabSteps(props.current).map((value) => ({ value, label: t(`labStatuses.${value}`) }));
  const { form, submit, outcome, conflict } = useActionForm({
    schema: labStepSchema,
    action: props.action,
    defaultValues: {
      sampleId: props.sampleId,
      version: props.version,
      labStatus: firstStep(props.current),
      on: todayInTarhuna(),
      laboratory: props.laboratory,
      failureReason: "",
    },
    successKey: "People.labStatusSaved",
    onSuccess: (data, values) => {
      // The step just taken is now the current one: offer the one after it, with the new version.
      form.reset({ ...values, version: data.version, labStatus: firstStep(values.labStatus), failureReason: "" });
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const failing = form.watch("labStatus") === "failed";
  const id = (name: string) => `lab-${props.sampleId}-${name}`;
  return (
    <div className="space-y-4">
      <FormMessage message={outcome} />
      <ConflictNotice conflict={conflict} />
      {steps.length === 0 ? (
        <p className="text-muted" data-testid="lab-status-ended">{t("labStatusEnded")}</p>
      ) : (
        <HydratedForm onSubmit={submit} noValidate className="space-y-4" data-testid="lab-status-form">
          <SelectInput id={id("labStatus")} label={t("labNextStep")} options={steps} registration={form.register("labStatus")} error={errors.labStatus?.message} />
          <DateInput id={id("on")} label={t("labStepOn")} name="on" control={form.control} error={errors.on?.message} required />
          <TextInput id={id("laboratory")} label={t("laboratory")} registration={form.register("laboratory")} error={errors.laboratory?.message} />
          {failing && (
            <TextInput id={id("failureReason")} label={t("failureReason")} registration={form.register("failureReason")} error={errors.failureReason?.message} required />
          )}
          <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
            {t("changeLabStatus")}
          </button>
        </HydratedForm>
      )}
    </div>
  );
}
