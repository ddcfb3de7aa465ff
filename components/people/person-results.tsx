import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import type { PersonSearchResult } from "@/lib/people/search";
import { fullArabicName } from "./person-name";
import { LtrText } from "@/components/layout/ltr-text";
import { MatchedParts } from "./matched-parts";

export async function PersonResults({ results }: { results: PersonSearchResult[] }) {
  const t = await getTranslations("People");
  const anyNameMatch = results.some((result) => result.nameParts.length > 0);
  return (
    <>
    {anyNameMatch && <p className="text-sm text-muted">{t("matchQualityLegend")}</p>}
    <ol className="divide-y divide-line rounded border border-line" data-testid="search-results">
      {results.map((result) => (
        <li key={result.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3" data-testid="search-result">
          <Link href={`/staff/persons/${result.id}`} className="font-medium text-accent underline">
            {fullArabicName(result)}
          </Link>
          {result.nameLatin !== "" && <span dir="ltr" className="text-muted">{result.nameLatin}</span>}
          <LtrText>{result.caseNumber}</LtrText>
          {result.familyReference && <LtrText>{result.familyReference}</LtrText>}
          {result.birthYear !== null && <span>{t("birthYear")}: {result.birthYear}</span>}
          <span className="text-sm text-muted">{t(`statuses.${result.status as "missing"}`)}</span>
          {result.nameParts.length > 0 ? <MatchedParts parts={result.nameParts} /> : <span className="text-sm text-muted">{t(`matchedBy.${result.matchedBy}`)}</span>}
        </li>
      ))}
    </ol>
    </>
  );
}
