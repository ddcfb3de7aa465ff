"use client";

import type { PersonSearchResult } from "@/lib/people/search";
import { fullArabicName } from "./person-name";
import { LtrText } from "@/components/layout/ltr-text";

/** The staff search's answers as buttons: case number, full Arabic name and birth year. */
export function PersonSearchResults({ results, onPick }: { results: PersonSearchResult[]; onPick: (result: PersonSearchResult) => void }) {
  return (
    <ul className="divide-y divide-line rounded border border-line" data-testid="person-search-results">
      {results.map((result) => (
        <li key={result.id}>
          <button type="button" className="w-full px-3 py-2 text-start hover:bg-accent-soft" onClick={() => onPick(result)}>
            <LtrText>{result.caseNumber}</LtrText> — {fullArabicName(result)} {result.birthYear !== null && `(${result.birthYear})`}
          </button>
        </li>
      ))}
    </ul>
  );
}
