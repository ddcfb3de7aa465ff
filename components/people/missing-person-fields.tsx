"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { SelectInput } from "@/components/users/select-input";
import type { MissingPersonValues } from "@/lib/people/schemas";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { usePeopleChoices } from "./use-people-choices";

/** The fields a missing person's form shares between registering and editing. */
export function MissingPersonFields({ form }: { form: UseFormReturn<MissingPersonValues> }) {
  const t = useTranslations("People");
  const { sexes } = usePeopleChoices();
  const { errors } = form.formState;
  const text = (name: "givenName" | "fatherName" | "grandfatherName" | "familyName", required = false) => (
    <TextInput id={name} label={t(name)} registration={form.register(name)} error={errors[name]?.message} required={required} />
  );
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        {text("givenName", true)}
        {text("fatherName")}
        {text("grandfatherName")}
        {text("familyName")}
      </div>
      <TextInput id="nameLatin" dir="ltr" label={t("nameLatin")} registration={form.register("nameLatin")} error={errors.nameLatin?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectInput id="sex" label={t("sex")} options={sexes} registration={form.register("sex")} error={errors.sex?.message} />
        <TextInput id="birthYear" dir="ltr" inputMode="numeric" label={t("birthYear")} registration={form.register("birthYear")} error={errors.birthYear?.message} />
        <DateInput id="lastSeenOn" label={t("lastSeenOn")} name="lastSeenOn" control={form.control} error={errors.lastSeenOn?.message} />
        <TextInput id="lastSeenPlace" label={t("lastSeenPlace")} registration={form.register("lastSeenPlace")} error={errors.lastSeenPlace?.message} />
      </div>
      <TextInput id="circumstances" multiline label={t("circumstances")} registration={form.register("circumstances")} error={errors.circumstances?.message} />
    </>
  );
}
