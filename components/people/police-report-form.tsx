"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { FormMessage } from "@/components/forms/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { useMessage } from "@/components/forms/use-message";
import { primaryButtonClassName } from "@/components/users/button-class";
import type { ActionResult } from "@/lib/actions/result";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { todayInTarhuna } from "@/lib/people/dates";
import { policeReportSchema, type PoliceReportValues } from "@/lib/people/schemas";
import { fullArabicName } from "./person-name";
import { PersonPicker } from "./person-picker";
import type { PickedPerson } from "./use-person-search";
import { ReportNewPerson } from "./report-new-person";
import { PoliceReportFields, type PoliceReportFacts } from "./police-report-fields";
import { LtrText } from "@/components/layout/ltr-text";
import { HydratedForm } from "@/components/forms/hydrated-form";

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
  const [chosen, setChosen] = useState<PickedPerson[]>([]);
  const { form, submit, outcome } = useActionForm({
    schema: policeReportSchema,
    action,
    defaultValues: {
      station: defaultStation, reportNumber: "", filedOn: todayInTarhuna(), reporterName: "", reporterRelationship: "",
      category: "disappearance", narrative: "", missingPersonIds: [], newPersons: [],
    },
    successKey: "People.reportCreated",
    onSuccess: ({ reportId }) => router.push(`/staff/reports/${reportId}?saved=1`),
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
    <HydratedForm onSubmit={submit} noValidate className="space-y-5" data-testid="police-report-form">
      <FormMessage message={outcome} />
      {/* The people it names are not among the shared fields, which see only the facts. */}
      <PoliceReportFields form={form as unknown as UseFormReturn<PoliceReportFacts>} />
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
    </HydratedForm>
  );
}
