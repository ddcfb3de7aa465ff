"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/forms/use-message";
import type { ActionResult } from "@/lib/actions/result";
import { notificationMeetingSchema, type NotificationMeetingValues } from "@/lib/identifications/meeting-values";
import { useRouter } from "@/lib/i18n/navigation";

interface MeetingFormProps {
  identificationId: string;
  today: string;
  signedInName: string;
  action: (values: NotificationMeetingValues) => Promise<ActionResult<{ meetingId: string }>>;
}

/** What was said to the family, who heard it, what support they were offered and what they asked. */
export function MeetingForm({ identificationId, today, signedInName, action }: MeetingFormProps) {
  const t = useTranslations("Identifications");
  const router = useRouter();
  const { form, submit, outcome } = useActionForm({
    schema: notificationMeetingSchema,
    action,
    defaultValues: {
      identificationId,
      heldOn: today,
      place: "",
      staffPresent: signedInName,
      familyPresent: "",
      interpreter: "",
      supportOffered: false,
      supportAccepted: false,
      explanation: "",
      familyQuestions: "",
      followUps: "",
      remainsWishes: "",
    },
    successKey: "Identifications.meetingSaved",
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const { errors } = form.formState;
  return (
    <HydratedForm onSubmit={submit} noValidate className="space-y-3" data-testid="meeting-form">
      <FormMessage message={outcome} />
      <DateInput id="heldOn" label={t("meetingHeldOn")} name="heldOn" control={form.control} error={errors.heldOn?.message} required />
      <TextInput id="place" label={t("meetingPlace")} required registration={form.register("place")} error={errors.place?.message} />
      <TextInput id="staffPresent" label={t("meetingStaffPresent")} required registration={form.register("staffPresent")} error={errors.staffPresent?.message} />
      <TextInput id="familyPresent" label={t("meetingFamilyPresent")} hint={t("meetingFamilyPresentHint")} required registration={form.register("familyPresent")} error={errors.familyPresent?.message} />
      <TextInput id="interpreter" label={t("meetingInterpreter")} registration={form.register("interpreter")} error={errors.interpreter?.message} />
      <fieldset className="space-y-1">
        <legend className="font-medium">{t("meetingSupport")}</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" {...form.register("supportOffered")} />
          <span>{t("meetingSupportOffered")}</span>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" aria-describedby="supportAccepted-error" {...form.register("supportAccepted")} />
          <span>{t("meetingSupportAccepted")}</span>
        </label>
        {errors.supportAccepted?.message && <SupportError message={errors.supportAccepted.message} />}
      </fieldset>
      <TextInput id="explanation" multiline label={t("meetingExplanation")} hint={t("meetingExplanationHint")} required registration={form.register("explanation")} error={errors.explanation?.message} />
      <TextInput id="familyQuestions" multiline label={t("meetingQuestions")} registration={form.register("familyQuestions")} error={errors.familyQuestions?.message} />
      <TextInput id="followUps" multiline label={t("meetingFollowUps")} registration={form.register("followUps")} error={errors.followUps?.message} />
      <TextInput id="remainsWishes" multiline label={t("meetingWishes")} registration={form.register("remainsWishes")} error={errors.remainsWishes?.message} />
      <SubmitButton label={t("meetingSave")} submitting={form.formState.isSubmitting} />
    </HydratedForm>
  );
}

function SupportError({ message }: { message: string }) {
  const translate = useMessage();
  return (
    <p id="supportAccepted-error" role="alert" className="text-sm text-red-800">
      {translate(message)}
    </p>
  );
}
