"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { ConflictNotice } from "@/components/forms/conflict-notice";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChangesGuard } from "@/components/forms/use-unsaved-changes-guard";
import type { ActionResult } from "@/lib/actions/result";
import {
  createGraveSiteSchema,
  updateGraveSiteSchema,
  type CreateGraveSiteValues,
  type UpdateGraveSiteValues,
} from "@/lib/forensic/schemas/grave-site";
import { useRouter } from "@/lib/i18n/navigation";
import { GraveSiteFields } from "./grave-site-fields";
import type { MapSetting } from "./site-location-fields";
import { HydratedForm } from "@/components/forms/hydrated-form";

type SiteSaved = ActionResult<{ siteId: string }>;

function useOpenSavedSite() {
  const router = useRouter();
  return (siteId: string) => router.push(`/staff/sites/${siteId}?saved=1`);
}

export function NewGraveSiteForm(props: {
  action: (values: CreateGraveSiteValues) => Promise<SiteSaved>;
  suggestedCode: string;
  map: MapSetting;
}) {
  const t = useTranslations("GraveSites");
  const openSite = useOpenSavedSite();
  const { form, submit, outcome } = useActionForm({
    schema: createGraveSiteSchema,
    action: props.action,
    defaultValues: { code: props.suggestedCode, nameAr: "", nameEn: "", description: "", discoveredOn: "", status: "reported", confirmFarFromTarhuna: false, isPublic: false, exactLocationPublic: false },
    onSuccess: (data, values) => {
      form.reset(values);
      openSite(data.siteId);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  return (
    <FormProvider {...form}>
      <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="grave-site-form">
        <FormMessage message={outcome} />
        <GraveSiteFields map={props.map} />
        <SubmitButton label={t("submitCreate")} submitting={form.formState.isSubmitting} />
      </HydratedForm>
    </FormProvider>
  );
}

export function EditGraveSiteForm(props: {
  action: (values: UpdateGraveSiteValues) => Promise<SiteSaved>;
  site: UpdateGraveSiteValues;
  isAdmin: boolean;
  map: MapSetting;
}) {
  const t = useTranslations("GraveSites");
  const openSite = useOpenSavedSite();
  const { form, submit, outcome, conflict } = useActionForm({
    schema: updateGraveSiteSchema,
    action: props.action,
    defaultValues: props.site,
    onSuccess: (data, values) => {
      form.reset(values);
      openSite(data.siteId);
    },
  });
  useUnsavedChangesGuard(form.formState.isDirty && !form.formState.isSubmitSuccessful, t("unsavedChangesQuestion"));
  return (
    <FormProvider {...form}>
      <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="grave-site-form">
        <FormMessage message={outcome} />
        <ConflictNotice conflict={conflict} />
        <GraveSiteFields map={props.map} />
        {props.isAdmin && (
          <TextInput
            id="statusChangeReason"
            label={t("statusChangeReason")}
            registration={form.register("statusChangeReason")}
            error={form.formState.errors.statusChangeReason?.message}
          />
        )}
        <SubmitButton label={t("submitUpdate")} submitting={form.formState.isSubmitting} />
      </HydratedForm>
    </FormProvider>
  );
}
