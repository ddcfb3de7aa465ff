"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClassName } from "@/components/forms/field";
import { useMessage } from "@/components/forms/use-message";
import { PersonSearchResults } from "@/components/people/person-search-results";
import { pickedPerson, usePersonSearch, type PickedPerson } from "@/components/people/use-person-search";
import { LtrText } from "@/components/layout/ltr-text";

interface PersonChoiceProps {
  chosen: PickedPerson | null;
  onChoose: (person: PickedPerson | null) => void;
  error?: string;
}

/** One missing person, found by name or case number through the staff search as the user types. */
export function PersonChoice({ chosen, onChoose, error }: PersonChoiceProps) {
  const t = useTranslations("Identifications");
  const message = useMessage();
  const [query, setQuery] = useState("");
  const { results, failed, search, clear } = usePersonSearch();
  const describedBy = ["person-search-hint", error && "person-error"].filter(Boolean).join(" ");
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">
        {t("person")}
        <span aria-hidden="true" className="text-red-700"> *</span>
      </legend>
      <p data-testid="chosen-person" aria-live="polite">
        {chosen ? (
          <>
            <LtrText>{chosen.caseNumber}</LtrText> — {chosen.name}{" "}
            <button type="button" className="text-sm underline" onClick={() => onChoose(null)}>{t("changePerson")}</button>
          </>
        ) : (
          <span className="text-muted">{t("noPersonChosen")}</span>
        )}
      </p>
      {!chosen && (
        <>
          <label htmlFor="person-search" className="block text-sm">{t("personSearch")}</label>
          <input
            id="person-search"
            dir="auto"
            autoComplete="off"
            className={inputClassName}
            value={query}
            aria-describedby={describedBy}
            aria-invalid={Boolean(error)}
            onChange={(event) => {
              setQuery(event.target.value);
              void search(event.target.value);
            }}
          />
          <p id="person-search-hint" className="text-sm text-muted">{t("personSearchHint")}</p>
          {failed && <p role="alert" className="text-sm text-red-800">{t("personSearchFailed")}</p>}
          <PersonSearchResults
            results={results}
            onPick={(result) => {
              onChoose(pickedPerson(result));
              setQuery("");
              clear();
            }}
          />
        </>
      )}
      {error && <p id="person-error" className="text-sm font-medium text-red-800">{message(error)}</p>}
    </fieldset>
  );
}
