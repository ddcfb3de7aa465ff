import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MergeButton } from "@/components/people/merge-button";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatNumber } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import { readPossibleDuplicates } from "@/lib/people/people-reads";
import { getDb } from "@/lib/server/database";
import { mergeDuplicatePersons } from "../actions";
import { LtrText } from "@/components/layout/ltr-text";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function PossibleDuplicatesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const [t, pairs] = await Promise.all([getTranslations("People"), getDb().then((db) => readPossibleDuplicates(read, db))]);
  const canMerge = can(session.role, "people.write");
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("possibleDuplicatesTitle")}</h1>
        <p className="text-muted">{t("possibleDuplicatesIntro")}</p>
      </header>
      {pairs.length === 0 && <p>{t("noPossibleDuplicates")}</p>}
      <ul className="space-y-3">
        {pairs.map(({ first, second, similarity }) => (
          <li key={`${first.id}-${second.id}`} className="space-y-2 rounded border border-line p-4">
            {[first, second].map((person) => (
              <p key={person.id}>
                <Link href={`/staff/persons/${person.id}`} className="text-accent underline"><LtrText>{person.caseNumber}</LtrText></Link> — {person.fullName}
                {person.birthYear !== null && ` (${person.birthYear})`}
              </p>
            ))}
            <p className="text-sm text-muted">{t("similarity")}: {formatNumber(locale, Math.round(similarity * 100))}%</p>
            {canMerge && (
              <MergeButton
                action={mergeDuplicatePersons}
                values={{ survivorId: first.id, mergedId: second.id, survivorVersion: first.version, mergedVersion: second.version }}
                survivorCaseNumber={first.caseNumber}
                mergedCaseNumber={second.caseNumber}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default withStaffPageMessages("/staff/persons/duplicates", PossibleDuplicatesPage);
