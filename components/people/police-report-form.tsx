"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { TextInput } from "@/components/forms/text-input";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/forms/use-message";
import { primaryButtonClassName } from "@/components/users/button-class";
import { SelectInput } from "@/components/users/select-input";
import type { ActionResult } from "@/lib/actions/result";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { todayInTarhuna } from "@/lib/people/dates";
import { policeReportSchema, type PoliceReportValues } from "@/lib/people/schemas";
import { fullArabicName } from "./person-name";
import { PersonPicker } from "./person-picker";
import type { PickedPerson } from "./use-person-search";
import { ReportNewPerson } from "./report-new-person";
import { usePeopleChoices } from "./use-people-choices";
import { LtrText } from "@/components/layout/ltr-text";

type CreateReportAction = (values: PoliceReportValues) => Promise<ActionResult<{ reportId: string }>>;

/**
 * A police report and the people it names: found on file by search-as-you-type, or registered on
 * the spot (saved in the same transaction as the report).
 */
export function PoliceReportForm({ action, defaultStation }: { action: CreateReportAction; defaultStation: string }) {
  const t = useTranslations("People");
  const tEdits = useTranslations("PeopleEdits");
  const message = useMessage();
  const router = useRouter();
  const { categories } = usePeopleChoices();
  const [chosen, setChosen] = useState<PickedPerson[]>([]);
  const { form, submit, outcome } = useActionForm({
    schema: policeReportSchema,
    action,
    defaultValues: {
      station: defaultStation, reportNumber: "", filedOn: todayInTarhuna(), reporterName: "", reporterRelationship: "",
      category: "disappearance", narrative: "", missingPersonIds: [], newPersons: [],
    },
    successKey: "People.reportCreated",
    onSuccess: () => router.push("/staff/reports"),
  });
  const newPersons = useFieldArray({ control: form.control, name: "newPersons" });
  const { errors, isSubmitting } = form.formState;
  const choose = (people: PickedPerson[]) => {
    setChosen(people);
    form.setValue("missingPersonIds", people.map((person) => person.id), { shouldValidate: form.formState.isSubmitted });
  };
  const linkExisting = (person: PickedPerson) => {
    if (!chosen.some((other) => other.id === person.id)) choose([...chosen, person]);
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
      {newPersons.fields.length > 0 && (
        <ul className="space-y-1" data-testid="new-persons">
          {newPersons.fields.map((person, index) => {
            const error = errors.newPersons?.[index];
            const problem = error?.message ?? error?.familyReference?.message;
            return (
              <li key={person.id} className="flex flex-wrap items-center gap-3">
                <span className="rounded bg-accent-soft px-2 text-sm">{tEdits("newRecord")}</span>
                <span>{fullArabicName(person)}</span>
                {person.birthYear !== "" && <span dir="ltr">({person.birthYear})</span>}
                {person.familyReference !== "" && <LtrText>{person.familyReference}</LtrText>}
                <button type="button" className="text-sm underline" onClick={() => newPersons.remove(index)}>{t("remove")}</button>
                {problem && <span role="alert" className="text-sm font-medium text-red-800">{message(problem)}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {errors.missingPersonIds?.message && <p className="text-sm font-medium text-red-800">{message(errors.missingPersonIds.message)}</p>}
      <details className="rounded border border-line p-4" data-testid="new-person-section">
        <summary className="cursor-pointer font-medium text-accent">{tEdits("newPersonTitle")}</summary>
        <ReportNewPerson onAdd={(person) => newPersons.append(person)} onLinkExisting={linkExisting} />
      </details>
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
