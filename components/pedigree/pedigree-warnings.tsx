import { getTranslations } from "next-intl/server";
import type { PedigreeView } from "@/lib/pedigrees/pedigree-view";

/**
 * Relationship labels the pedigree could not follow (a second mother, a side never recorded): each
 * one named, so nobody is left out of a likelihood ratio unseen. The engine's reason is in English.
 */
export async function PedigreeWarnings({ warnings }: { warnings: PedigreeView["warnings"] }) {
  if (warnings.length === 0) return null;
  const [t, tPeople] = await Promise.all([getTranslations("Pedigree"), getTranslations("People")]);
  return (
    <section role="note" aria-labelledby="pedigree-warnings-title" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950" data-testid="pedigree-warnings">
      <h2 id="pedigree-warnings-title" className="font-semibold">{t("warningsTitle", { count: warnings.length })}</h2>
      <ul className="list-disc space-y-1 ps-6">
        {warnings.map((warning) => (
          <li key={`${warning.donor}-${warning.missingPerson}-${warning.relationship}`}>
            {t("warningLine", {
              donor: warning.donor,
              relationship: tPeople.has(`relationships.${warning.relationship}` as never) ? tPeople(`relationships.${warning.relationship}` as never) : warning.relationship,
              missingPerson: warning.missingPerson,
            })}{" "}
            <span className="text-sm" lang="en" dir="ltr">({warning.reason})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
