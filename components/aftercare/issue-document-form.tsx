"use client";

import { useTranslations } from "next-intl";
import { confirmFirst } from "@/components/forms/confirm-first";
import { FormMessage } from "@/components/forms/form-message";
import { HydratedForm } from "@/components/forms/hydrated-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { DOCUMENT_KINDS, issueDocumentSchema, type IssueDocumentValues } from "@/lib/aftercare/aftercare-values";
import { useRouter } from "@/lib/i18n/navigation";

/** Issues one numbered letter; confirmed first, as a number once issued is never taken back. */
export function IssueDocumentForm({ identificationId, action }: { identificationId: string; action: (values: IssueDocumentValues) => Promise<ActionResult<{ documentId: string; number: string }>> }) {
  const t = useTranslations("Aftercare");
  const router = useRouter();
  const { form, submit, outcome } = useActionForm({
    schema: issueDocumentSchema,
    action,
    defaultValues: { identificationId, kind: "identification_certificate", addressee: "" },
    successKey: "Aftercare.documentIssued",
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const { errors } = form.formState;
  return (
    <HydratedForm onSubmit={confirmFirst(t("documentIssueConfirm"), submit)} noValidate className="space-y-3" data-testid="issue-document-form">
      <FormMessage message={outcome} />
      <SelectInput id="documentKind" label={t("documentKind")} options={DOCUMENT_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))} registration={form.register("kind")} error={errors.kind?.message} />
      <TextInput id="documentAddressee" label={t("documentAddressee")} hint={t("documentAddresseeHint")} required registration={form.register("addressee")} error={errors.addressee?.message} />
      <SubmitButton label={t("documentIssue")} submitting={form.formState.isSubmitting} />
    </HydratedForm>
  );
}
