"use client";

import { useTranslations } from "next-intl";
import type { PersonMatch } from "@/lib/import/classify";
import type { ConflictChoice } from "@/lib/import/report-conflicts";

interface PersonMatchesProps {
  matches: PersonMatch[];
  choices: Record<string, ConflictChoice>;
  onChange: (choices: Record<string, ConflictChoice>) => void;
}

/** New people of the file the registry probably has: each likely match to link to, or "create". */
export function PersonMatches({ matches, choices, onChange }: PersonMatchesProps) {
  const t = useTranslations("Import.personMatches");
  const choose = (key: string, choice: ConflictChoice) => onChange({ ...choices, [key]: choice });
  return (
    <section className="space-y-3" aria-labelledby="import-person-matches-title" data-testid="import-person-matches">
      <h2 id="import-person-matches-title" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-muted">{t("intro")}</p>
      {matches.map((match) => (
        <fieldset key={match.key} className="space-y-1 rounded border border-line p-3">
          <legend className="px-1 font-medium" dir="auto">{t("row", { row: match.rowNumber, name: match.name })}</legend>
          {match.written ? <p className="text-sm text-muted" dir="auto">{t("written", { written: match.written })}</p> : null}
          {match.matches.map((candidate) => (
            <label key={candidate.id} className="flex items-center gap-2" dir="auto">
              <input type="radio" name={`person-${match.key}`} checked={choices[match.key] === `link:${candidate.id}`} onChange={() => choose(match.key, `link:${candidate.id}`)} />
              {t("link", { candidate: t("candidate", { caseNumber: candidate.caseNumber, name: candidate.name, birthYear: candidate.birthYear ?? "—" }) })}
            </label>
          ))}
          <label className="flex items-center gap-2">
            <input type="radio" name={`person-${match.key}`} checked={choices[match.key] === "create"} onChange={() => choose(match.key, "create")} />
            {t("create")}
          </label>
        </fieldset>
      ))}
    </section>
  );
}
