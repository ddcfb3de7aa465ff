"use client";

import { useTranslations } from "next-intl";
import type { UseFormReturn } from "react-hook-form";
import { DateInput } from "@/components/forms/date-input";
import { TextInput } from "@/components/forms/text-input";
import { SelectInput } from "@/components/users/select-input";
import type { PoliceReportValues } from "@/lib/people/schemas";
import { usePeopleChoices } from "./use-people-choices";

export type PoliceReportFacts = Pick<PoliceReportValues, "station" | "reportNumber" | "filedOn" | "reporterName" | "reporterRelationship" | "category" | "narrative">;

/** The facts of a police report, shared by the form that registers one and the one that corrects it. */
export function PoliceReportFields({ form }: { form: UseFormReturn<PoliceReportFacts> }) {
  const t = useTranslations("People");
  const { categories } = usePeopleChoices();
  const { errors } = form.formState;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput id="station" label={t("station")} registration={form.register("station")} error={errors.station?.message} required />
        <TextInput id="reportNumber" dir="ltr" label={t("reportNumber")} registration={form.register("reportNumber")} error={errors.reportNumber?.message} required />
        <DateInput id="filedOn" label={t("filedOn")} name="filedOn" control={form.control} error={errors.filedOn?.message} required />
        <SelectInput id="category" label={t("category")} options={categories} registration={form.register("category")} error={errors.category?.message} />
        <TextInput id="reporterName" label={t("reporterName")} registration={form.register("reporterName")} error={errors.reporterName?.message} required />
        <TextInput id="reporterRelationship" label={t("reporterRelationship")} registration={form.register("reporterRelationship")} error={errors.reporterRelationship?.message} />
      </div>
      <TextInput id="narrative" multiline label={t("narrative")} registration={form.register("narrative")} error={errors.narrative?.message} />
    </>
  );
}
