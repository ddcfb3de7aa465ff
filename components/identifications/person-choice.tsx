"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { inputClassName } from "@/components/forms/field";
import { useMessage } from "@/components/forms/use-message";
import { fullArabicName } from "@/components/people/person-name";
import type { PersonSearchResult } from "@/lib/people/search";

export interface ChosenPerson {
  id: string;
  caseNumber: string;
  name: string;
}

interface PersonChoiceProps {
  chosen: ChosenPerson | null;
  onChoose: (person: ChosenPerson | null) => void;
  error?: string;
}

/** One missing person, found by name or case number through the staff search as the user types. */
export function PersonChoice({ chosen, onChoose, error }: PersonChoiceProps) {
  const t = useTranslations("Identifications");
  const message = useMessage();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PersonSearchResult[]>([]);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  const search = async (text: string) => {
    const requestNumber = ++latest.current;
    if (text.trim().length < 2) return setResults([]);
    const response = await fetch(`/api/staff/persons/search?q=${encodeURIComponent(text)}`).catch(() => null);
    if (requestNumber !== latest.current) return;
    setFailed(!response?.ok);
    setResults(response?.ok ? ((await response.json()) as { results: PersonSearchResult[] }).results : []);
  };
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
            <span dir="ltr">{chosen.caseNumber}</span> — {chosen.name}{" "}
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
          <ul className="divide-y divide-line rounded border border-line" data-testid="person-search-results">
            {results.map((result) => (
              <li key={result.id}>
                <button
                  type="button"
                  className="w-full px-3 py-2 text-start hover:bg-accent-soft"
                  onClick={() => {
                    onChoose({ id: result.id, caseNumber: result.caseNumber, name: fullArabicName(result) });
                    setQuery("");
                    setResults([]);
                  }}
                >
                  <span dir="ltr">{result.caseNumber}</span> — {fullArabicName(result)} {result.birthYear !== null && `(${result.birthYear})`}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {error && <p id="person-error" className="text-sm font-medium text-red-800">{message(error)}</p>}
    </fieldset>
  );
}
