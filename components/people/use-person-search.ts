"use client";

import { useRef, useState } from "react";
import type { PersonSearchResult } from "@/lib/people/search";
import { fullArabicName } from "./person-name";

/** A missing person chosen from the staff search, as forms keep and show it. */
export interface PickedPerson {
  id: string;
  caseNumber: string;
  name: string;
}

export function pickedPerson(result: PersonSearchResult): PickedPerson {
  return { id: result.id, caseNumber: result.caseNumber, name: fullArabicName(result) };
}

/** Search-as-you-type against the staff search; the latest answer wins, older ones are ignored. */
export function usePersonSearch() {
  const [results, setResults] = useState<PersonSearchResult[]>([]);
  const [failed, setFailed] = useState(false);
  const latest = useRef(0);
  const search = async (query: string) => {
    const requestNumber = ++latest.current;
    if (query.trim().length < 2) return setResults([]);
    // In the body, not the address: names stay out of access logs (app/api/staff/persons/search).
    const response = await fetch("/api/staff/persons/search", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ q: query }),
    }).catch(() => null);
    if (requestNumber !== latest.current) return;
    setFailed(!response?.ok);
    setResults(response?.ok ? ((await response.json()) as { results: PersonSearchResult[] }).results : []);
  };
  return { results, failed, search, clear: () => setResults([]) };
}
