import { formatLog10LikelihoodRatio } from "./likelihood-ratio";
import { lrConditions, type LikelihoodRatioBasis } from "@/lib/kinship/lr-basis";

/** Any translator over the whole catalogue (next-intl's, on the server or in a test). */
type Translate = (key: never, values?: never) => string;

/**
 * The lines that go with every likelihood ratio a person reads (#21): the registry's exact ratio
 * for the pair (or why there is none), θ and the mutation model and rate, the frequency table with
 * its SHA-256, and every relative used, an assumed side named as assumed.
 */
export function lrBasisLines(basis: LikelihoodRatioBasis, translate: Translate): string[] {
  const t = translate as unknown as (key: string, values?: Record<string, string | number>) => string;
  const relative = ({ relationship, side, sideAssumed }: LikelihoodRatioBasis["relatives"][number]) => {
    const name = t(`People.relationships.${relationship}`);
    if (sideAssumed) return `${name} (${t("Identifications.lrBasis.sideAssumed")})`;
    return side ? `${name} (${t(`People.sides.${side}`)})` : name;
  };
  return [
    basis.familyProblem === null
      ? t("Identifications.lrBasis.computed", { ratio: formatLog10LikelihoodRatio(basis.log10Lr), loci: basis.lociCompared })
      : t("Identifications.lrBasis.noRatio", { problem: basis.familyProblem }),
    t("Identifications.lrBasis.conditions", { conditions: lrConditions(basis), model: t(`Identifications.lrBasis.models.${basis.mutation.model}`) }),
    t("Identifications.lrBasis.table", { name: basis.frequencyTable.name, sha256: basis.frequencyTable.sha256 }),
    basis.relatives.length > 0 ? t("Identifications.lrBasis.relatives", { relatives: basis.relatives.map(relative).join("، ") }) : t("Identifications.lrBasis.noRelatives"),
  ];
}
