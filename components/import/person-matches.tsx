"use client";

import { useTranslations } from "next-intl";
import type { PersonMatch } from "@/lib/import/classify";
import type { ConflictChoice } from "@/lib/import/report-conflicts";

interface PersonMatchesProps {
  matches: PersonMatch[];
  choices: Record<string, ConflictChoice>;
  onChange: (choices: Record<string, ConflictChoice>) => void;
}

/** New people of the file the registry probably has: the likely matches, and "same person" or "create". */
export function PersonMatches({ matches, choices, onChange }: PersonMatchesProps) {
  const t = useTranslations("Import.personMatches");
  return (
    <section className="space-y-3" aria-labelledby="import-person-matches-title" data-testid="import-person-matches">
      <h2 id="import-person-matches-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {matches.map((match) => (
        <fieldset key={match.key} className="space-y-1 rounded border border-line p-3">
          <legend className="px-1 font-medium" dir="auto">{t("row", { row: match.rowNumber, name: match.name })}</legend>
          <ul className="list-inside list-disc text-sm">
            {match.matches.map((candidate) => (
              <li key={candidate.id} dir="auto">{t("candidate", { caseNumber: candidate.caseNumber, name: candidate.name, birthYear: candidate.birthYear ?? "—" })}</li>
            ))}
          </ul>
          {(["keep", "create"] as const).map((choice) => (
            <label key={choice} className="me-6 inline-flex items-center gap-2">
              <input type="radio" name={`person-${match.key}`} checked={choices[match.key] === choice} onChange={() => onChange({ ...choices, [match.key]: choice })} />
              {t(choice)}
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}
