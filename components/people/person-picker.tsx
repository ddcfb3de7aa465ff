"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { inputClassName } from "@/components/forms/field";
import type { PersonSearchResult } from "@/lib/people/search";
import { fullArabicName } from "./person-name";

export interface PickedPerson {
  id: string;
  caseNumber: string;
  name: string;
}

/** Search-as-you-type against the staff search; the latest answer wins, older ones are ignored. */
function usePersonSearch() {
  const [results, setResults] = useState<PersonSearchResult[]>([]);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  const search = async (query: string) => {
    const requestNumber = ++latest.current;
    if (query.trim().length < 2) return setResults([]);
    const response = await fetch(`/api/staff/persons/search?q=${encodeURIComponent(query)}`).catch(() => null);
    if (requestNumber !== latest.current) return;
    setFailed(!response?.ok);
    setResults(response?.ok ? ((await response.json()) as { results: PersonSearchResult[] }).results : []);
  };
  return { results, failed, search, clear: () => setResults([]) };
}

export function PersonPicker({ chosen, onChange, error }: { chosen: PickedPerson[]; onChange: (people: PickedPerson[]) => void; error?: string }) {
  const t = useTranslations("People");
  const { results, failed, search, clear } = usePersonSearch();
  const [query, setQuery] = useState("");
  const choose = (result: PersonSearchResult) => {
    if (!chosen.some((person) => person.id === result.id)) onChange([...chosen, { id: result.id, caseNumber: result.caseNumber, name: fullArabicName(result) }]);
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
            <span dir="ltr">{person.caseNumber}</span> <span>{person.name}</span>
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
      <ul className="divide-y divide-line rounded border border-line" data-testid="person-search-results">
        {results.map((result) => (
          <li key={result.id}>
            <button type="button" className="w-full px-3 py-2 text-start hover:bg-accent-soft" onClick={() => choose(result)}>
              <span dir="ltr">{result.caseNumber}</span> — {fullArabicName(result)} {result.birthYear !== null && `(${result.birthYear})`}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
