import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FrequencyTableSummary } from "@/components/kinship/frequency-table-summary";
import { LeadsTable } from "@/components/kinship/leads-table";
import { requirePageRead } from "@/lib/auth/page-guard";
import { runKinshipScreen, screenSettingsSchema } from "@/lib/dna-profiles/screening";
import { LtrText } from "@/components/layout/ltr-text";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { recordPageRead } from "@/lib/audit/record-read";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface LeadsPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Runs the screen with the parameters in the address; nothing is stored, so a rerun always reflects today's profiles. */
async function KinshipLeadsPage({ params, searchParams }: LeadsPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "dnaProfiles.use");
  const { session } = read;
  const parameters = screenSettingsSchema.parse(await searchParams);
  const db = await getDb();
  const [t, outcome] = await Promise.all([getTranslations("Kinship"), runKinshipScreen(read, db, parameters)]);
  // One entry for the page: every body and every candidate person it names.
  if (outcome.status === "done") await recordPageRead(session, "kinship_leads", outcome.rows.flatMap((row) => [row.remainsId, ...row.best.map((person) => person.id)]));
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("leadsTitle")}</h1>
        <Link href="/staff/kinship" className="text-accent underline">
          {t("backToKinship")}
        </Link>
      </header>
      {outcome.status === "noFrequencyTable" ? (
        <FrequencyTableSummary info={null} />
      ) : (
        <>
          <FrequencyTableSummary info={outcome.frequencyTable} />
          <p data-testid="dvi-prior">
            {t("leadsIntro", { remains: outcome.rows.length, candidates: outcome.candidates, weight: outcome.notInDatabaseWeight, unreferenced: outcome.unreferenced, unregistered: parameters.unregistered })}
          </p>
          <p className="text-muted">{t("parameters", { ...parameters, threshold: outcome.threshold })}</p>
          {outcome.threshold > parameters.threshold && (
            <p role="note" data-testid="dvi-threshold-raised">
              {t("thresholdRaised", { requested: parameters.threshold, threshold: outcome.threshold, comparisons: outcome.comparisons })}
            </p>
          )}
          <p className="text-muted">{t("exactNote")}</p>
          {outcome.setAside > 0 && (
            <p role="note" data-testid="dvi-approximate">
              {t("approximateNote", { count: outcome.setAside, factor: outcome.errorFactor.toPrecision(3) })}
            </p>
          )}
          <p role="note" className="rounded border border-line bg-accent-soft px-3 py-2">{t("leadWarning")}</p>
          <p role="status" className="font-medium" data-testid="lead-count">
            {t("leadsCount", { leads: outcome.rows.filter((row) => row.isLead).length })}
          </p>
          {outcome.excludedFamilies.length > 0 && (
            <section role="note" className="space-y-1 rounded border border-red-700 bg-red-50 px-3 py-2" data-testid="excluded-families">
              <p className="font-medium">{t("excludedFamilies", { count: outcome.excludedFamilies.length })}</p>
              <ul className="list-disc ps-6 text-sm">
                {outcome.excludedFamilies.map((family) => (
                  <li key={family.id}>
                    <Link href={`/staff/persons/${family.id}`} className="text-accent underline"><LtrText>{family.caseNumber}</LtrText></Link>
                    {" — "}
                    {family.placementProblem ?? t("excludedFamilyLoci", { locusNames: family.inconsistentLoci.join(", ") })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {outcome.rows.length === 0 ? <p>{t("noProfiles")}</p> : <LeadsTable rows={outcome.rows} locale={locale} />}
        </>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/kinship/leads", KinshipLeadsPage);
