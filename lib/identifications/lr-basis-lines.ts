import { formatLog10LikelihoodRatio } from "./likelihood-ratio";
import { lrConditions, type LikelihoodRatioBasis } from "@/lib/kinship/lr-basis";

/** next-intl translators (on the server or in a test) for the Identifications and People namespaces. */
type Translate = (key: never, values?: never) => string;
export interface BasisTranslators {
  identifications: Translate;
  people: Translate;
}

/**
 * The lines that go with every likelihood ratio a person reads (#21): the registry's exact ratio
 * for the pair (or why there is none), θ and the mutation model and rate, the frequency table with
 * its SHA-256, and every relative used, an assumed side named as assumed.
 */
export function lrBasisLines(basis: LikelihoodRatioBasis, translators: BasisTranslators): string[] {
  type Loose = (key: string, values?: Record<string, string | number>) => string;
  const people = translators.people as unknown as Loose;
  const identifications = translators.identifications as unknown as Loose;
  const t = (key: string, values?: Record<string, string | number>) => identifications(`lrBasis.${key}`, values);
  const relative = ({ relationship, side, sideAssumed }: LikelihoodRatioBasis["relatives"][number]) => {
    const name = people(`relationships.${relationship}`);
    if (sideAssumed) return `${name} (${t("sideAssumed")})`;
    return side ? `${name} (${people(`sides.${side}`)})` : name;
  };
  return [
    basis.familyProblem === null
      ? t("computed", { ratio: formatLog10LikelihoodRatio(basis.log10Lr), loci: basis.lociCompared })
      : t("noRatio", { problem: basis.familyProblem }),
    t("conditions", { conditions: lrConditions(basis), model: t(`models.${basis.mutation.model}`) }),
    t("table", { name: basis.frequencyTable.name, sha256: basis.frequencyTable.sha256 }),
    basis.relatives.length > 0 ? t("relatives", { relatives: basis.relatives.map(relative).join("، ") }) : t("noRelatives"),
  ];
}
