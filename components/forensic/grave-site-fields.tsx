"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { SelectInput } from "@/components/users/select-input";
import type { CreateGraveSiteValues } from "@/lib/forensic/schemas/grave-site";
import { useForensicChoices } from "./choices";
import { TextAreaInput } from "./text-area-input";
import { SiteLocationFields, type MapSetting } from "./site-location-fields";
import { SitePublicationFields } from "./site-publication-fields";

/** The fields a grave site has on both its new and its edit form. */
export function GraveSiteFields({ map }: { map: MapSetting }) {
  const t = useTranslations("GraveSites");
  const { statuses } = useForensicChoices();
  const { register, control, formState } = useFormContext<CreateGraveSiteValues>();
  const { errors } = formState;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput id="code" label={t("code")} dir="ltr" required registration={register("code")} error={errors.code?.message} />
        <DateInput id="discoveredOn" label={t("discoveredOn")} name="discoveredOn" control={control} error={errors.discoveredOn?.message} required />
        <TextInput id="nameAr" label={t("nameAr")} required registration={register("nameAr")} error={errors.nameAr?.message} />
        <TextInput id="nameEn" label={t("nameEn")} dir="ltr" required registration={register("nameEn")} error={errors.nameEn?.message} />
      </div>
      <TextAreaInput id="description" label={t("description")} registration={register("description")} error={errors.description?.message} />
      <SelectInput id="status" label={t("status")} hint={t("statusHint")} options={statuses} registration={register("status")} error={errors.status?.message} />
      <SiteLocationFields map={map} />
      <SitePublicationFields />
    </>
  );
}
