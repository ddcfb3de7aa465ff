"use client";

import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { SelectInput } from "@/components/users/select-input";
import type { CreateRemainsValues } from "@/lib/forensic/schemas/remains";
import { numberOrNull, useForensicChoices } from "./choices";
import { PersonalEffectsFields } from "./personal-effects-fields";
import { TextAreaInput } from "./text-area-input";

/** The fields a body has on both its new and its edit form. */
export function RemainsFields() {
  const t = useTranslations("Remains");
  const { sexes, conditions } = useForensicChoices();
  const { register, control, formState } = useFormContext<CreateRemainsValues>();
  const { errors } = formState;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput id="code" label={t("code")} hint={t("codeHint")} dir="ltr" required registration={register("code")} error={errors.code?.message} />
        <DateInput id="recoveredOn" label={t("recoveredOn")} name="recoveredOn" control={control} error={errors.recoveredOn?.message} required />
        <SelectInput id="estimatedSex" label={t("estimatedSex")} options={sexes} registration={register("estimatedSex")} error={errors.estimatedSex?.message} />
        <SelectInput id="condition" label={t("condition")} options={conditions} registration={register("condition")} error={errors.condition?.message} />
        <TextInput id="ageMin" label={t("ageMin")} type="number" dir="ltr" registration={register("ageMin", { setValueAs: numberOrNull })} error={errors.ageMin?.message} />
        <TextInput id="ageMax" label={t("ageMax")} type="number" dir="ltr" registration={register("ageMax", { setValueAs: numberOrNull })} error={errors.ageMax?.message} />
      </div>
      <TextInput id="storageLocation" label={t("storageLocation")} registration={register("storageLocation")} error={errors.storageLocation?.message} />
      <TextAreaInput id="notes" label={t("notes")} registration={register("notes")} error={errors.notes?.message} />
      <PersonalEffectsFields />
    </>
  );
}
