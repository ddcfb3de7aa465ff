"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { inputClassName } from "@/components/forms/field";
import type { PersonSearchResult } from "@/lib/people/search";
import { PersonSearchResults } from "./person-search-results";
import { pickedPerson, usePersonSearch, type PickedPerson } from "./use-person-search";
import { LtrText } from "@/components/layout/ltr-text";

export function PersonPicker({ chosen, onChange, error }: { chosen: PickedPerson[]; onChange: (people: PickedPerson[]) => void; error?: string }) {
  const t = useTranslations("People");
  const { results, failed, search, clear } = usePersonSearch();
  const [query, setQuery] = useState("");
  const choose = (result: PersonSearchResult) => {
    if (!chosen.some((person) => person.id === result.id)) onChange([...chosen, pickedPerson(result)]);
    setQuery("");
    clear();
  };
  return (
    <fieldset className="space-y-3" aria-invalid={Boolean(error)}>
      <legend className="font-medium">{t("personsNamed")}</legend>
      <ul className="space-y-1" data-testid="chosen-persons">
        {chosen.length === 0 && <li className="text-muted">{t("noneChosen")}</li>}
        {chosen.map((person) => (
          <li key={person.id} className="flex items-center gap-3">
            <LtrText>{person.caseNumber}</LtrText> <span>{person.name}</span>
            <button type="button" className="text-sm underline" onClick={() => onChange(chosen.filter((other) => other.id !== person.id))}>
              {t("remove")}
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor="person-search" className="block text-sm">{t("pickPerson")}</label>
      <input
        id="person-search"
        dir="auto"
        autoComplete="off"
        className={inputClassName}
        value={query}
        aria-describedby="person-search-hint"
        onChange={(event) => {
          setQuery(event.target.value);
          void search(event.target.value);
        }}
      />
      <p id="person-search-hint" className="text-sm text-muted">{t("pickPersonHint")}</p>
      {failed && <p role="alert" className="text-sm text-red-800">{t("searchFailed")}</p>}
      <PersonSearchResults results={results} onPick={choose} />
    </fieldset>
  );
}
