"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import type { DuplicateCandidate } from "@/lib/people/duplicates";
import { fullArabicName } from "./person-name";
import { LtrText } from "@/components/layout/ltr-text";

interface DuplicateCandidatesProps {
  candidates: DuplicateCandidate[];
  onRegisterAnyway: () => void;
  /** Where a report is being registered: name the person already on file in it instead. */
  onLinkExisting?: (candidate: DuplicateCandidate) => void;
}

/** The records a new entry probably duplicates, each a link to open it instead. */
export function DuplicateCandidates({ candidates, onRegisterAnyway, onLinkExisting }: DuplicateCandidatesProps) {
  const t = useTranslations("People");
  const tEdits = useTranslations("PeopleEdits");
  return (
    <section className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4" data-testid="duplicate-candidates" aria-live="polite">
      <h2 className="font-semibold">{t("duplicatesTitle")}</h2>
      <p className="text-sm">{t("duplicatesIntro")}</p>
      <ul className="space-y-1">
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <Link href={`/staff/persons/${candidate.id}`} className="text-accent underline" target={onLinkExisting ? "_blank" : undefined}>
              <LtrText>{candidate.caseNumber}</LtrText> — {fullArabicName(candidate)}
            </Link>
            {candidate.birthYear !== null && <span className="text-muted"> ({candidate.birthYear})</span>}
            {onLinkExisting && (
              <button type="button" onClick={() => onLinkExisting(candidate)} className="ms-3 rounded border border-line bg-white px-3 py-1 text-sm" data-testid="link-existing">
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
