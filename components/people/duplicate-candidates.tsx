"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { DuplicateCandidate } from "@/lib/people/duplicates";
import { MatchedPartsText } from "./matched-parts-text";
import { fullArabicName } from "./person-name";
import { LtrText, withIsolatedValues } from "@/components/layout/ltr-text";

interface DuplicateCandidatesProps {
  candidates: DuplicateCandidate[];
  onRegisterAnyway: () => void;
  /** Where a report is being registered: name the person already on file in it instead. */
  onLinkExisting?: (candidate: DuplicateCandidate) => void;
}

/**
 * The records a new entry probably duplicates, each a link to open it instead, with what tells
 * namesakes apart: birth year, family reference, the day last seen and which name parts agree.
 */
export function DuplicateCandidates({ candidates, onRegisterAnyway, onLinkExisting }: DuplicateCandidatesProps) {
  const t = useTranslations("People");
  const tEdits = useTranslations("PeopleEdits");
  const locale = useLocale() as Locale;
  return (
    <section className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4" data-testid="duplicate-candidates" aria-live="polite">
      <h2 className="font-semibold">{t("duplicatesTitle")}</h2>
      <p className="text-sm">{onLinkExisting ? t("duplicatesIntroReport") : t("duplicatesIntro")}</p>
      <p className="text-xs text-muted">{t("matchQualityLegend")}</p>
      <ul className="space-y-2">
        {candidates.map((candidate) => (
          <li key={candidate.id} data-testid="duplicate-candidate">
            <Link href={`/staff/persons/${candidate.id}`} className="text-accent underline" target={onLinkExisting ? "_blank" : undefined}>
              <LtrText>{candidate.caseNumber}</LtrText> — {fullArabicName(candidate)}
            </Link>
            <span className="block text-sm" data-testid="duplicate-details">
              {candidate.birthYear === null ? t("duplicateBirthYearUnknown") : withIsolatedValues((values) => t("duplicateBirthYear", values), { year: String(candidate.birthYear) })}
              {" · "}
              {candidate.familyReference === null ? t("duplicateNoFamily") : withIsolatedValues((values) => t("duplicateFamily", values), { reference: candidate.familyReference })}
              {" · "}
              {candidate.lastSeenOn === null ? t("duplicateLastSeenUnknown") : t("duplicateLastSeen", { date: formatDate(locale, candidate.lastSeenOn) })}
            </span>
            <span className="block">
              <MatchedPartsText parts={candidate.parts} t={t} testId="duplicate-parts" />
            </span>
            {onLinkExisting && (
              <button type="button" onClick={() => onLinkExisting(candidate)} className="mt-1 rounded border border-line bg-white px-3 py-1 text-sm" data-testid="link-existing">
                {tEdits("linkExisting")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button type="button" onClick={onRegisterAnyway} className="rounded border border-line px-3 py-1 text-sm">
        {t("registerAnyway")}
      </button>
    </section>
  );
}
