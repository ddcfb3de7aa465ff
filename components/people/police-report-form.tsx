"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/forms/use-message";
import { primaryButtonClassName } from "@/components/users/button-class";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { todayInTarhuna } from "@/lib/people/dates";
import { policeReportSchema, type PoliceReportValues } from "@/lib/people/schemas";
import { PersonPicker, type PickedPerson } from "./person-picker";
import { TextInput } from "@/components/forms/text-input";
import { usePeopleChoices } from "./use-people-choices";

type CreateReportAction = (values: PoliceReportValues) => Promise<ActionResult<{ reportId: string }>>;

export function PoliceReportForm({ action, defaultStation }: { action: CreateReportAction; defaultStation: string }) {
  const t = useTranslations("People");
  const message = useMessage();
  const router = useRouter();
  const { categories } = usePeopleChoices();
  const [chosen, setChosen] = useState<PickedPerson[]>([]);
  const { form, submit, outcome } = useActionForm({
    schema: policeReportSchema,
    action,
    defaultValues: {
      station: defaultStation, reportNumber: "", filedOn: todayInTarhuna(), reporterName: "", reporterRelationship: "",
      category: "disappearance", narrative: "", missingPersonIds: [],
    },
    successKey: "People.reportCreated",
    onSuccess: () => router.push("/staff/reports"),
  });
  const { errors, isSubmitting } = form.formState;
  const choose = (people: PickedPerson[]) => {
    setChosen(people);
    form.setValue("missingPersonIds", people.map((person) => person.id), { shouldValidate: form.formState.isSubmitted });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-5" data-testid="police-report-form">
      <FormMessage message={outcome} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextInput id="station" label={t("station")} registration={form.register("station")} error={errors.station?.message} required />
        <TextInput id="reportNumber" dir="ltr" label={t("reportNumber")} registration={form.register("reportNumber")} error={errors.reportNumber?.message} required />
        <TextInput id="filedOn" type="date" label={t("filedOn")} registration={form.register("filedOn")} error={errors.filedOn?.message} required />
        <SelectInput id="category" label={t("category")} options={categories} registration={form.register("category")} error={errors.category?.message} />
        <TextInput id="reporterName" label={t("reporterName")} registration={form.register("reporterName")} error={errors.reporterName?.message} required />
        <TextInput id="reporterRelationship" label={t("reporterRelationship")} registration={form.register("reporterRelationship")} error={errors.reporterRelationship?.message} />
      </div>
      <TextInput id="narrative" multiline label={t("narrative")} registration={form.register("narrative")} error={errors.narrative?.message} />
      <PersonPicker chosen={chosen} onChange={choose} />
      {errors.missingPersonIds?.message && <p className="text-sm font-medium text-red-800">{message(errors.missingPersonIds.message)}</p>}
      <p className="text-sm">
        {t("notRegistered")}{" "}
        <Link href="/staff/families/new" className="text-accent underline" target="_blank">{t("newFamily")}</Link>
      </p>
      <button type="submit" disabled={isSubmitting} className={primaryButtonClassName}>
        {t("createReport")}
      </button>
    </form>
  );
}
