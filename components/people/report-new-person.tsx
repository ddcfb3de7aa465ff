"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { TextInput } from "@/components/forms/text-input";
import { SelectInput } from "@/components/users/select-input";
import type { DuplicateCandidate } from "@/lib/people/duplicates";
import { reportNewPersonSchema, type ReportNewPersonValues } from "@/lib/people/schemas";
import { DuplicateCandidates } from "./duplicate-candidates";
import { fetchDuplicateCandidates } from "./fetch-duplicate-candidates";
import { fullArabicName } from "./person-name";
import type { PickedPerson } from "./use-person-search";
import { usePeopleChoices } from "./use-people-choices";

const EMPTY_PERSON: ReportNewPersonValues = {
  givenName: "", fatherName: "", grandfatherName: "", familyName: "", sex: "male", birthYear: "", familyReference: "", duplicatesReviewed: false,
};

interface ReportNewPersonProps {
  onAdd: (person: ReportNewPersonValues) => void;
  onLinkExisting: (person: PickedPerson) => void;
}

/**
 * A person not on file, entered inside the police report form (not a form of its own: forms do not
 * nest) and saved with the report. The likely duplicates come first, so the report can name the
 * person already registered instead.
 */
export function ReportNewPerson({ onAdd, onLinkExisting }: ReportNewPersonProps) {
  const t = useTranslations("People");
  const tEdits = useTranslations("PeopleEdits");
  const { sexes } = usePeopleChoices();
  // The likely duplicates of the person as last checked, with the values they were found for.
  const [review, setReview] = useState<{ person: ReportNewPersonValues; candidates: DuplicateCandidate[] } | null>(null);
  const form = useForm<ReportNewPersonValues>({ resolver: zodResolver(reportNewPersonSchema), defaultValues: EMPTY_PERSON, mode: "onTouched" });
  const { errors, isSubmitting } = form.formState;
  const finish = (person: ReportNewPersonValues) => {
    onAdd(person);
    setReview(null);
    form.reset(EMPTY_PERSON);
  };
  const checkAndAdd = form.handleSubmit(async (values) => {
    const found = await fetchDuplicateCandidates(values);
    // With none found the server checks again on save, in case someone registered them meanwhile.
    if (found.length === 0) finish({ ...values, duplicatesReviewed: false });
    else setReview({ person: values, candidates: found });
  });
  const linkExisting = (candidate: DuplicateCandidate) => {
    onLinkExisting({ id: candidate.id, caseNumber: candidate.caseNumber, name: fullArabicName(candidate) });
    setReview(null);
    form.reset(EMPTY_PERSON);
  };
  const text = (name: "givenName" | "fatherName" | "grandfatherName" | "familyName", required = false) => (
    <TextInput id={`new-person-${name}`} label={t(name)} registration={form.register(name)} error={errors[name]?.message} required={required} />
  );
  return (
    // Enter in these fields checks this person, rather than submitting the whole report half done.
    <div className="space-y-4" data-testid="report-new-person" onKeyDown={(event) => {
      if (event.key !== "Enter" || !(event.target instanceof HTMLInputElement)) return;
      event.preventDefault();
      void checkAndAdd();
    }}>
      <p className="text-sm text-muted">{tEdits("newPersonIntro")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {text("givenName", true)}
        {text("fatherName")}
        {text("grandfatherName")}
        {text("familyName")}
        <SelectInput id="new-person-sex" label={t("sex")} options={sexes} registration={form.register("sex")} error={errors.sex?.message} />
        <TextInput id="new-person-birthYear" dir="ltr" inputMode="numeric" label={t("birthYear")} registration={form.register("birthYear")} error={errors.birthYear?.message} />
        <TextInput
          id="new-person-familyReference"
          dir="ltr"
          label={tEdits("familyReferenceOptional")}
          hint={tEdits("familyReferenceHint")}
          registration={form.register("familyReference")}
          error={errors.familyReference?.message}
        />
      </div>
      {review && (
        <DuplicateCandidates candidates={review.candidates} onLinkExisting={linkExisting} onRegisterAnyway={() => finish({ ...review.person, duplicatesReviewed: true })} />
      )}
      <button type="button" onClick={() => void checkAndAdd()} disabled={isSubmitting} className="rounded border border-accent px-4 py-2 font-medium text-accent" data-testid="add-new-person">
        {tEdits("checkAndAdd")}
      </button>
    </div>
  );
}
