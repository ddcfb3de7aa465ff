import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LikelihoodRatioBasisNote } from "@/components/identifications/lr-basis";
import { ProposeForm } from "@/components/identifications/propose-form";
import { fullArabicName } from "@/components/people/person-name";
import { requirePageRead } from "@/lib/auth/page-guard";
import { readAccessIf } from "@/lib/auth/read-access";
import { readPairLikelihoodRatioBasis } from "@/lib/dna-profiles/pair-basis";
import { DEFAULT_MUTATION_RATE } from "@/lib/dna-profiles/screening";
import { DEFAULT_THETA } from "@/lib/kinship/types";
import { findPersonChoice, findRemainsChoice } from "@/lib/identifications/choices";
import { findMismatches, mismatchMessageKey } from "@/lib/identifications/fit";
import { likelihoodRatioValue } from "@/lib/identifications/likelihood-ratio";
import { getDb } from "@/lib/server/database";
import { proposeIdentification } from "../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface NewIdentificationPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ remains?: string; person?: string; lr?: string }>;
}

/**
 * Opened empty, or from a body's page (?remains=) or a person's page (?person=) with that side
 * chosen, or from a kinship lead with both sides and its likelihood ratio (?lr=).
 */
async function NewIdentificationPage({ params, searchParams }: NewIdentificationPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "identification.propose");
  const { remains, person, lr } = await searchParams;
  const likelihoodRatio = typeof lr === "string" && likelihoodRatioValue(lr, locale) !== null ? lr : "";
  const db = await getDb();
  const [t, body, chosenPerson] = await Promise.all([
    getTranslations("Identifications"),
    findRemainsChoice(read, db, typeof remains === "string" ? remains : undefined),
    findPersonChoice(read, db, typeof person === "string" ? person : undefined),
  ]);
  // Opened with both sides known (from a kinship match, say): warn at once rather than on saving.
  const mismatches = body && chosenPerson ? findMismatches(body, chosenPerson) : [];
  // The registry's own exact ratio for the pair, with what it rests on, beside the one typed (#21).
  const profiles = readAccessIf(read.session, "dnaProfiles.use");
  const basis = body && chosenPerson && profiles ? await readPairLikelihoodRatioBasis(profiles, db, String(remains), chosenPerson.id, { theta: DEFAULT_THETA, mutationRate: DEFAULT_MUTATION_RATE }) : null;
  return (
    <section className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
        <p className="text-muted">{t("newIntro")}</p>
      </header>
      {basis && <LikelihoodRatioBasisNote basis={basis} />}
      <ProposeForm
        action={proposeIdentification}
        remainsCode={body?.code ?? ""}
        likelihoodRatio={likelihoodRatio}
        mismatchKey={mismatches.length > 0 ? mismatchMessageKey(mismatches) : null}
        person={chosenPerson && { id: chosenPerson.id, caseNumber: chosenPerson.caseNumber, name: fullArabicName(chosenPerson) }}
      />
    </section>
  );
}

export default withStaffPageMessages("/staff/identifications/new", NewIdentificationPage);
