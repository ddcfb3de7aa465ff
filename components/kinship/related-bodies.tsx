import { getTranslations } from "next-intl/server";
import { LtrText } from "@/components/layout/ltr-text";
import type { RelatedBodies } from "@/lib/dna-profiles/related-bodies";
import { formatLog10LikelihoodRatio } from "@/lib/identifications/ratio-format";
import { Link } from "@/lib/i18n/navigation";
import { BODY_RELATIONS } from "@/lib/kinship/dvi/body-to-body";

/**
 * The other bodies this one may belong with (issue #22, point 5): same person, parent and child or
 * full siblings, each ratio against unrelated and what it rests on. A ratio is evidence for a
 * forensic review of commingling, not an identification.
 */
export async function RelatedBodiesSection({ outcome }: { outcome: RelatedBodies | null }) {
  const t = await getTranslations("Remains.relatedBodies");
  return (
    <section className="space-y-3" aria-labelledby="related-bodies-title" data-testid="related-bodies">
      <h2 id="related-bodies-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {outcome === null ? (
        <p className="text-sm text-muted">{t("noProfile")}</p>
      ) : (
        <>
          <p className="text-sm text-muted">
            {t("basis", { theta: outcome.theta, rate: outcome.mutationRate, table: outcome.frequencyTable.name, listFrom: outcome.listFrom, compared: outcome.compared })}{" "}
            <LtrText>{outcome.frequencyTable.sha256.slice(0, 12)}</LtrText>
          </p>
          {outcome.related.length === 0 ? (
            <p data-testid="related-bodies-none">{t("none")}</p>
          ) : (
            <table className="w-full text-sm">
              <thead>
                <tr>
                  <th scope="col" className="text-start">{t("body")}</th>
                  {BODY_RELATIONS.map((relation) => (
                    <th key={relation} scope="col" className="text-start">{t(`relation.${relation}`)}</th>
                  ))}
                  <th scope="col" className="text-start">{t("loci")}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.related.map((row) => (
                  <tr key={row.remainsId} data-testid="related-body-row">
                    <td>
                      <Link href={`/staff/remains/${row.remainsId}`} className="font-mono underline">
                        <LtrText>{row.code}</LtrText>
                      </Link>
                    </td>
                    {BODY_RELATIONS.map((relation) => (
                      <td key={relation} className={relation === row.strongest ? "font-semibold" : undefined}>
                        {row.log10Lr[relation] === null ? t("excluded") : <LtrText>{formatLog10LikelihoodRatio(row.log10Lr[relation])}</LtrText>}
                      </td>
                    ))}
                    <td>{row.lociCompared}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
