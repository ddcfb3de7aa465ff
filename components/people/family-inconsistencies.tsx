import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import type { FamilyInconsistency } from "@/lib/dna-profiles/screening-data";

/**
 * Reference families that contradict themselves: which loci, which relatives. This is a fault of
 * the family's records (a swapped sample, a wrong relationship), not a verdict on any body, and the
 * screen leaves the family out until it is corrected.
 */
export async function FamilyInconsistencies({ inconsistencies }: { inconsistencies: FamilyInconsistency[] }) {
  if (inconsistencies.length === 0) return null;
  const t = await getTranslations("People");
  return (
    <section role="alert" className="space-y-2 rounded border border-red-700 bg-red-50 p-4" data-testid="family-inconsistent">
      <h2 className="text-lg font-semibold text-red-900">{t("familyInconsistentTitle")}</h2>
      <p className="text-sm">{t("familyInconsistentExplanation")}</p>
      <ul className="space-y-2 text-sm">
        {inconsistencies.map((entry) => (
          <li key={entry.missingPersonId}>
            <p className="font-medium"><LtrText>{entry.caseNumber}</LtrText></p>
            {entry.placementProblem !== null && <p>{t("familyUnplaceable")} <LtrText>{entry.placementProblem}</LtrText></p>}
            <ul className="list-disc ps-6">
              {entry.inconsistentLoci.map(({ locus, relatives }) => (
                <li key={locus} data-testid="inconsistent-locus">
                  <LtrText>{locus}</LtrText>:{" "}
                  {relatives
                    .map((group) => group.map((relative) => `${relative.givenName} (${t(`relationships.${relative.relationship}`)})`).join(t("andSeparator")))
                    .join(t("orSeparator"))}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
